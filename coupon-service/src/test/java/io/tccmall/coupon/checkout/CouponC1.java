package io.tccmall.coupon.checkout;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * alice's coupon C1 (500 off a spend of 5000) of template 1, as the checkout tests set it
 * up and read it.
 */
final class CouponC1 {

	private CouponC1() {
	}

	static void given(JdbcTemplate jdbc, String status, String orderNo) {
		jdbc.update("""
				INSERT INTO coupon_template (id, name, discount_cents, min_spend_cents, total_count, claimed_count,
				                             per_user_limit, valid_from, valid_until, created_at)
				VALUES (1, '5 off 50', 500, 5000, 10, 1, 1, UTC_TIMESTAMP(3) - INTERVAL 1 DAY,
				        UTC_TIMESTAMP(3) + INTERVAL 30 DAY, UTC_TIMESTAMP(3))""");
		jdbc.update("""
				INSERT INTO user_coupon (coupon_id, template_id, user_id, claim_seq, status, order_no, discount_cents,
				                         min_spend_cents, valid_until, created_at, updated_at)
				VALUES ('C1', 1, 'alice', 1, ?, ?, 500, 5000, UTC_TIMESTAMP(3) + INTERVAL 30 DAY,
				        UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""", status, orderNo);
	}

	/** C1's status and the order holding it. */
	static List<String> state(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT status, order_no FROM user_coupon WHERE coupon_id = 'C1'",
				(rs, n) -> of(rs.getString(1), rs.getString(2)));
	}

	static List<String> of(String status, String orderNo) {
		return Arrays.asList(status, orderNo);
	}

}
