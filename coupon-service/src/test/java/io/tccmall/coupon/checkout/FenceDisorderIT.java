package io.tccmall.coupon.checkout;

import java.util.Arrays;
import java.util.List;

import io.tccmall.common.testsupport.FenceDisorderContract;
import io.tccmall.common.testsupport.FencedAction;
import io.tccmall.coupon.SeataTcTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * coupon-lock, coupon-use and coupon-release through Seata's real fence on
 * {@code tccmall_coupon_tc_test}: empty rollback then late Try, Confirm and Cancel
 * delivered twice (also racing), and a Try retried as a new branch of the same global
 * transaction (see {@link FenceDisorderContract}). The state is alice's coupon C1: its
 * status and the order holding it.
 */
@SeataTcTest
class FenceDisorderIT extends FenceDisorderContract {

	private static final String ORDER = "O-FENCE";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CouponLockAction lock;

	@Autowired
	CouponUseAction use;

	@Autowired
	CouponReleaseAction release;

	@Override
	protected void emptyTables() {
		for (String table : List.of("coupon_claim_request", "user_coupon", "coupon_template", "tcc_fence_log")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	@Override
	protected List<FencedAction> actions() {
		List<String> available = coupon("AVAILABLE", null);
		List<String> locked = coupon("LOCKED", ORDER);
		return List.of(
				FencedAction.of("coupon-lock", CouponLockAction.class, this.lock)
					.context("couponId", "C1")
					.context("orderNo", ORDER)
					.given(() -> givenCoupon("AVAILABLE", null))
					.tries(ctx -> this.lock.prepare(ctx, "C1", ORDER, "alice", 6_000))
					// Confirm keeps the coupon LOCKED until it is used or released
					.expect(available, locked, locked, available)
					.state(this::state),
				FencedAction.of("coupon-use", CouponUseAction.class, this.use)
					.context("couponId", "C1")
					.context("orderNo", ORDER)
					.given(() -> givenCoupon("LOCKED", ORDER))
					.tries(ctx -> this.use.prepare(ctx, "C1", ORDER))
					.state(this::state)
					.expect(locked, coupon("USING", ORDER), coupon("USED", ORDER), locked),
				FencedAction.of("coupon-release", CouponReleaseAction.class, this.release)
					.context("couponId", "C1")
					.context("orderNo", ORDER)
					.given(() -> givenCoupon("LOCKED", ORDER))
					.tries(ctx -> this.release.prepare(ctx, "C1", ORDER))
					.state(this::state)
					.expect(locked, coupon("RELEASING", ORDER), available, locked));
	}

	private void givenCoupon(String status, String orderNo) {
		this.jdbc.update("""
				INSERT INTO coupon_template (id, name, discount_cents, min_spend_cents, total_count, claimed_count,
				                             per_user_limit, valid_from, valid_until, created_at)
				VALUES (1, '5 off 50', 500, 5000, 10, 1, 1, UTC_TIMESTAMP(3) - INTERVAL 1 DAY,
				        UTC_TIMESTAMP(3) + INTERVAL 30 DAY, UTC_TIMESTAMP(3))""");
		this.jdbc.update("""
				INSERT INTO user_coupon (coupon_id, template_id, user_id, claim_seq, status, order_no, discount_cents,
				                         min_spend_cents, valid_until, created_at, updated_at)
				VALUES ('C1', 1, 'alice', 1, ?, ?, 500, 5000, UTC_TIMESTAMP(3) + INTERVAL 30 DAY,
				        UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""", status, orderNo);
	}

	/** status and order of C1. */
	private Object state() {
		return this.jdbc.queryForObject("SELECT status, order_no FROM user_coupon WHERE coupon_id = 'C1'",
				(rs, n) -> coupon(rs.getString(1), rs.getString(2)));
	}

	private static List<String> coupon(String status, String orderNo) {
		return Arrays.asList(status, orderNo);
	}

}
