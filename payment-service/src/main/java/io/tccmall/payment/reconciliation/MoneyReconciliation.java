package io.tccmall.payment.reconciliation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tccmall.common.reconciliation.CheckResult;
import io.tccmall.common.reconciliation.Holding;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money invariants as SQL aggregates (each one statement, so it sees one consistent
 * state even while payments run), and the payments order-service needs.
 */
@Component
@Transactional(readOnly = true)
class MoneyReconciliation {

	private final JdbcClient jdbc;

	MoneyReconciliation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * balance + frozen + paid - refunded = topped_up, none negative (topped_up includes a
	 * seeded initial balance, so it is not compared with the top-up rows).
	 */
	CheckResult conservation() {
		List<String> violations = this.jdbc.sql("""
				SELECT user_id, balance_cents, frozen_cents, paid_cents, refunded_cents, topped_up_cents
				FROM wallet
				WHERE balance_cents + frozen_cents + paid_cents - refunded_cents <> topped_up_cents
				  OR balance_cents < 0 OR frozen_cents < 0 OR paid_cents < 0 OR refunded_cents < 0
				ORDER BY user_id""")
			.query((rs,
					n) -> "wallet %s: balance %d + frozen %d + paid %d - refunded %d must equal topped up %d, none negative"
						.formatted(rs.getString("user_id"), rs.getLong("balance_cents"), rs.getLong("frozen_cents"),
								rs.getLong("paid_cents"), rs.getLong("refunded_cents"), rs.getLong("topped_up_cents")))
			.list();
		return CheckResult.of("payment.money-conservation", violations, Map.of("wallets", wallets()));
	}

	/**
	 * paid = the SUCCEEDED payments, frozen = the TRYING ones, and every payment has a
	 * wallet.
	 */
	CheckResult payments() {
		List<String> violations = this.jdbc.sql("""
				SELECT COALESCE(w.user_id, p.user_id) AS user_id, COALESCE(w.paid_cents, 0) AS paid,
				  COALESCE(w.frozen_cents, 0) AS frozen, COALESCE(p.succeeded, 0) AS succeeded,
				  COALESCE(p.trying, 0) AS trying, w.user_id IS NULL AS no_wallet
				FROM (SELECT user_id, SUM(IF(status = 'SUCCEEDED', amount_cents, 0)) AS succeeded,
				        SUM(IF(status = 'TRYING', amount_cents, 0)) AS trying
				      FROM payment GROUP BY user_id) p
				LEFT JOIN wallet w ON w.user_id = p.user_id
				WHERE w.user_id IS NULL OR w.paid_cents <> p.succeeded OR w.frozen_cents <> p.trying
				UNION ALL
				SELECT w.user_id, w.paid_cents, w.frozen_cents, 0, 0, FALSE FROM wallet w
				WHERE (w.paid_cents <> 0 OR w.frozen_cents <> 0)
				  AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.user_id = w.user_id)
				ORDER BY user_id""")
			.query((rs, n) -> rs.getBoolean("no_wallet")
					? "payments of user %s without a wallet (succeeded %d, trying %d)"
						.formatted(rs.getString("user_id"), rs.getLong("succeeded"), rs.getLong("trying"))
					: "wallet %s: paid %d but SUCCEEDED payments total %d; frozen %d but TRYING payments total %d"
						.formatted(rs.getString("user_id"), rs.getLong("paid"), rs.getLong("succeeded"),
								rs.getLong("frozen"), rs.getLong("trying")))
			.list();
		return CheckResult.of("payment.wallet-payments", violations, Map.of("wallets", wallets()));
	}

	CheckResult onePaymentPerOrder() {
		List<String> violations = this.jdbc.sql("""
				SELECT order_no, COUNT(*) AS payments, GROUP_CONCAT(payment_no ORDER BY payment_no) AS payment_nos
				FROM payment WHERE status = 'SUCCEEDED' GROUP BY order_no HAVING COUNT(*) > 1 ORDER BY order_no""")
			.query((rs, n) -> "order %s paid %d times (payments %s)".formatted(rs.getString("order_no"),
					rs.getLong("payments"), rs.getString("payment_nos")))
			.list();
		return CheckResult.of("payment.one-payment-per-order", violations, Map.of());
	}

	/** Every TRYING payment, and every payment that changed since {@code since}. */
	List<Holding> holdings(Instant since) {
		return this.jdbc.sql("""
				SELECT order_no, payment_no, amount_cents, status, updated_at FROM payment
				WHERE status = 'TRYING' OR (status IN ('SUCCEEDED', 'CANCELLED') AND updated_at >= :since)
				ORDER BY order_no, payment_no""")
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new Holding(rs.getString("order_no"), rs.getString("payment_no"), rs.getString("status"),
					rs.getLong("amount_cents"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	private long wallets() {
		return this.jdbc.sql("SELECT COUNT(*) FROM wallet").query(Long.class).single();
	}

}
