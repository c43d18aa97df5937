package io.tccmall.bench.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tccmall.bench.BenchData;
import io.tccmall.bench.Databases;

import static io.tccmall.bench.check.Rows.n;

/**
 * The stock and money invariants (docs/architecture.md; the same checks as the system
 * tests' {@code Invariants}) over the bench's own rows only: skus {@code BENCH-*}, users
 * {@code bench-u*}. Phase two of the last transactions may still be running when the load
 * stops, and inventory-service books the last paid orders' stock as sold from their
 * {@code OrderPaid} events just after, so a violation is re-checked for a while before it
 * counts.
 */
public final class InvariantCheck {

	private static final String SKUS = BenchData.SKU_PREFIX + "%";

	private static final String USERS = BenchData.USER_PREFIX + "%";

	private final Rows rows;

	public InvariantCheck(Databases databases) {
		this.rows = new Rows(databases);
	}

	/** The violations still there after {@code settle}, or none. */
	public List<String> violations(Duration settle) throws InterruptedException {
		long deadline = System.nanoTime() + settle.toNanos();
		List<String> violations = check();
		while (!violations.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(2_000);
			violations = check();
		}
		return violations;
	}

	List<String> check() {
		List<String> violations = new ArrayList<>();
		stock(violations);
		money(violations);
		orders(violations);
		return violations;
	}

	private void stock(List<String> violations) {
		for (Map<String, Object> p : this.rows.query("inventory",
				"SELECT sku_id, available, frozen, sold, initial_stock + restocked AS supplied,"
						+ " (SELECT COALESCE(SUM(quantity), 0) FROM stock_reservation r WHERE r.sku_id = p.sku_id"
						+ "   AND r.status IN ('TRYING', 'HELD', 'RELEASING')) AS reserved,"
						+ " (SELECT COALESCE(SUM(quantity), 0) FROM stock_reservation r WHERE r.sku_id = p.sku_id"
						+ "   AND r.status = 'SOLD') AS sold_reserved FROM product p WHERE sku_id LIKE ?",
				SKUS)) {
			if (n(p, "available") + n(p, "frozen") + n(p, "sold") != n(p, "supplied") || n(p, "available") < 0) {
				violations.add("stock not conserved: " + p);
			}
			if (n(p, "frozen") != n(p, "reserved") || n(p, "sold") != n(p, "sold_reserved")) {
				violations.add("stock does not match its reservations: " + p);
			}
		}
	}

	private void money(List<String> violations) {
		for (Map<String, Object> w : this.rows.query("payment",
				"SELECT user_id, balance_cents, frozen_cents, paid_cents, refunded_cents, topped_up_cents,"
						+ " (SELECT COALESCE(SUM(amount_cents), 0) FROM payment p WHERE p.user_id = w.user_id"
						+ "   AND p.status = 'SUCCEEDED') AS succeeded,"
						+ " (SELECT COALESCE(SUM(amount_cents), 0) FROM payment p WHERE p.user_id = w.user_id"
						+ "   AND p.status = 'TRYING') AS trying FROM wallet w WHERE user_id LIKE ?",
				USERS)) {
			if (n(w, "balance_cents") + n(w, "frozen_cents") + n(w, "paid_cents") - n(w, "refunded_cents") != n(w,
					"topped_up_cents")) {
				violations.add("money not conserved: " + w);
			}
			if (n(w, "paid_cents") != n(w, "succeeded") || n(w, "frozen_cents") != n(w, "trying")) {
				violations.add("wallet does not match its payments: " + w);
			}
		}
		this.rows
			.query("payment",
					"SELECT order_no, COUNT(*) AS payments FROM payment WHERE user_id LIKE ?"
							+ " AND status = 'SUCCEEDED' GROUP BY order_no HAVING COUNT(*) > 1",
					USERS)
			.forEach(r -> violations.add("order paid more than once: " + r));
	}

	private void orders(List<String> violations) {
		this.rows
			.query("order",
					"SELECT order_no, status FROM orders WHERE user_id LIKE ?"
							+ " AND status IN ('TRYING', 'PAYING', 'CANCELLING')",
					USERS)
			.forEach(o -> violations.add("order in an intermediate state: " + o));
		long paidOrders = n(this.rows
			.query("order", "SELECT COUNT(*) AS c FROM orders WHERE user_id LIKE ? AND status = 'PAID'", USERS)
			.get(0), "c");
		long succeededPayments = n(this.rows
			.query("payment", "SELECT COUNT(*) AS c FROM payment WHERE user_id LIKE ? AND status = 'SUCCEEDED'", USERS)
			.get(0), "c");
		if (paidOrders != succeededPayments) {
			violations.add("paid orders (" + paidOrders + ") and successful payments (" + succeededPayments
					+ ") of the bench users differ");
		}
		long soldUnits = n(this.rows
			.query("inventory", "SELECT COALESCE(SUM(sold), 0) AS c FROM product WHERE sku_id LIKE ?", SKUS)
			.get(0), "c");
		long paidUnits = n(this.rows
			.query("order",
					"SELECT COALESCE(SUM(i.quantity), 0) AS c FROM order_item i JOIN orders o"
							+ " ON o.order_no = i.order_no WHERE o.user_id LIKE ? AND o.status = 'PAID'"
							+ " AND i.sku_id LIKE ?",
					USERS, SKUS)
			.get(0), "c");
		if (soldUnits != paidUnits) {
			violations.add("units sold (" + soldUnits + ") and units in paid orders (" + paidUnits + ") differ");
		}
	}

}
