package io.tccmall.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of the shared ARCHITECTURE.md, checked straight in the four databases
 * for the rows this test run made (skus {@code IT-<run>-*}, users {@code it-<run>-*}).
 */
public final class Invariants {

	private Invariants() {
	}

	public static void assertHold() {
		List<String> violations = new ArrayList<>();
		String skus = "IT-" + Shop.RUN + "-%";
		String users = "it-" + Shop.RUN + "-%";

		for (Map<String, Object> p : Db.rows("tccmall_inventory",
				"SELECT sku_id, available, frozen, sold, flash_stock, initial_stock + restocked AS supplied,"
						+ " (SELECT COALESCE(SUM(quantity), 0) FROM stock_reservation r WHERE r.sku_id = p.sku_id"
						+ "   AND r.status IN ('TRYING', 'HELD', 'RELEASING')) AS reserved,"
						+ " (SELECT COALESCE(SUM(quantity), 0) FROM stock_reservation r WHERE r.sku_id = p.sku_id"
						+ "   AND r.status = 'SOLD') AS sold_reserved" + " FROM product p WHERE sku_id LIKE ?",
				skus)) {
			long available = n(p, "available");
			long frozen = n(p, "frozen");
			long sold = n(p, "sold");
			if (available + frozen + sold + n(p, "flash_stock") != n(p, "supplied") || available < 0 || frozen < 0
					|| sold < 0) {
				violations.add("stock not conserved: " + p);
			}
			if (frozen != n(p, "reserved") || sold != n(p, "sold_reserved")) {
				violations.add("stock does not match reservations: " + p);
			}
		}

		for (Map<String, Object> w : Db.rows("tccmall_payment",
				"SELECT user_id, balance_cents, frozen_cents, paid_cents, refunded_cents, topped_up_cents,"
						+ " (SELECT COALESCE(SUM(amount_cents), 0) FROM payment p WHERE p.user_id = w.user_id"
						+ "   AND p.status = 'SUCCEEDED') AS succeeded" + " FROM wallet w WHERE user_id LIKE ?",
				users)) {
			if (n(w, "balance_cents") + n(w, "frozen_cents") + n(w, "paid_cents") - n(w, "refunded_cents") != n(w,
					"topped_up_cents")) {
				violations.add("money not conserved: " + w);
			}
			if (n(w, "paid_cents") != n(w, "succeeded")) {
				violations.add("paid does not match successful payments: " + w);
			}
		}
		violations.addAll(Db
			.rows("tccmall_payment",
					"SELECT order_no, COUNT(*) AS payments FROM payment WHERE user_id LIKE ? AND status = 'SUCCEEDED'"
							+ " GROUP BY order_no HAVING COUNT(*) > 1",
					users)
			.stream()
			.map(r -> "order paid more than once: " + r)
			.toList());

		for (Map<String, Object> o : Db.rows("tccmall_order",
				"SELECT order_no, status, coupon_id FROM orders WHERE user_id LIKE ?", users)) {
			String status = (String) o.get("status");
			if (status.equals("TRYING") || status.equals("PAYING") || status.equals("CANCELLING")) {
				violations.add("order stuck in an intermediate state: " + o);
			}
			long payments = Db.number("tccmall_payment",
					"SELECT COUNT(*) FROM payment WHERE order_no = ? AND status = 'SUCCEEDED'", o.get("order_no"));
			if (status.equals("PAID") != (payments == 1)) {
				violations.add("order status disagrees with payments (" + payments + "): " + o);
			}
			if (o.get("coupon_id") != null) {
				String expected = switch (status) {
					case "PAID" -> "USED";
					case "AWAITING_PAYMENT" -> "LOCKED";
					default -> null;
				};
				if (expected != null) {
					long matching = Db.number("tccmall_coupon",
							"SELECT COUNT(*) FROM user_coupon WHERE coupon_id = ? AND status = ? AND order_no = ?",
							o.get("coupon_id"), expected, o.get("order_no"));
					if (matching != 1) {
						violations.add("coupon of order is not " + expected + ": " + o);
					}
				}
			}
		}
		violations.addAll(Db
			.rows("tccmall_coupon",
					"SELECT coupon_id, status, order_no FROM user_coupon WHERE user_id LIKE ?"
							+ " AND status IN ('LOCKED', 'USED', 'USING', 'RELEASING')",
					users)
			.stream()
			.filter(c -> Db.number("tccmall_order",
					"SELECT COUNT(*) FROM orders WHERE order_no = ? AND status IN ('AWAITING_PAYMENT', 'PAID')",
					c.get("order_no")) != 1)
			.map(c -> "coupon held by no live order: " + c)
			.toList());

		assertThat(violations).as("invariant violations").isEmpty();
	}

	private static long n(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).longValue();
	}

}
