package io.tccmall.coupon.reconciliation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tccmall.common.reconciliation.CheckResult;
import io.tccmall.common.reconciliation.Holding;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coupon invariants as SQL aggregates, and the coupons order-service needs.
 */
@Component
@Transactional(readOnly = true)
class CouponReconciliation {

	private final JdbcClient jdbc;

	CouponReconciliation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A template's claimed_count is the number of its coupons and within its total. */
	CheckResult claims() {
		List<String> violations = this.jdbc.sql("""
				SELECT t.id, t.claimed_count, t.total_count,
				  (SELECT COUNT(*) FROM user_coupon c WHERE c.template_id = t.id) AS issued
				FROM coupon_template t
				WHERE t.claimed_count > t.total_count
				  OR t.claimed_count <> (SELECT COUNT(*) FROM user_coupon c WHERE c.template_id = t.id)
				ORDER BY t.id""")
			.query((rs, n) -> "template %d: claimed_count %d but %d coupons issued (total %d)".formatted(
					rs.getLong("id"), rs.getLong("claimed_count"), rs.getLong("issued"), rs.getLong("total_count")))
			.list();
		long templates = this.jdbc.sql("SELECT COUNT(*) FROM coupon_template").query(Long.class).single();
		return CheckResult.of("coupon.template-claims", violations, Map.of("templates", templates));
	}

	/**
	 * Within the per-user limit; an order holds at most one coupon; a coupon away from
	 * AVAILABLE belongs to an order and an available one to none.
	 */
	CheckResult userCoupons() {
		List<String> violations = new ArrayList<>(this.jdbc.sql("""
				SELECT c.template_id, c.user_id, MAX(c.claim_seq) AS claims, t.per_user_limit
				FROM user_coupon c JOIN coupon_template t ON t.id = c.template_id
				GROUP BY c.template_id, c.user_id, t.per_user_limit HAVING MAX(c.claim_seq) > t.per_user_limit
				ORDER BY c.template_id, c.user_id""")
			.query((rs, n) -> "user %s holds %d coupons of template %d (limit %d)".formatted(rs.getString("user_id"),
					rs.getLong("claims"), rs.getLong("template_id"), rs.getLong("per_user_limit")))
			.list());
		violations.addAll(this.jdbc.sql("""
				SELECT order_no, GROUP_CONCAT(coupon_id ORDER BY coupon_id) AS coupons FROM user_coupon
				WHERE order_no IS NOT NULL GROUP BY order_no HAVING COUNT(*) > 1 ORDER BY order_no""")
			.query((rs, n) -> "order %s holds several coupons: %s".formatted(rs.getString("order_no"),
					rs.getString("coupons")))
			.list());
		violations.addAll(this.jdbc.sql("""
				SELECT coupon_id, status, order_no FROM user_coupon
				WHERE (status = 'AVAILABLE') <> (order_no IS NULL) ORDER BY coupon_id""")
			.query((rs, n) -> "coupon %s is %s with order %s".formatted(rs.getString("coupon_id"),
					rs.getString("status"), rs.getString("order_no")))
			.list());
		return CheckResult.of("coupon.user-coupons", violations, Map.of());
	}

	/**
	 * Every coupon locked, being used or released, and every coupon used since
	 * {@code since}.
	 */
	List<Holding> holdings(Instant since) {
		return this.jdbc.sql("""
				SELECT order_no, coupon_id, status, updated_at FROM user_coupon
				WHERE status IN ('LOCKED', 'USING', 'RELEASING') OR (status = 'USED' AND updated_at >= :since)
				ORDER BY order_no, coupon_id""")
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new Holding(rs.getString("order_no"), rs.getString("coupon_id"), rs.getString("status"),
					1, rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

}
