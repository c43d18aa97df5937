package io.tccmall.coupon.checkout;

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
		List<String> available = CouponC1.of("AVAILABLE", null);
		List<String> locked = CouponC1.of("LOCKED", ORDER);
		return List.of(
				FencedAction.of("coupon-lock", CouponLockAction.class, this.lock)
					.context("couponId", "C1")
					.context("orderNo", ORDER)
					.given(() -> CouponC1.given(this.jdbc, "AVAILABLE", null))
					.tries(ctx -> this.lock.prepare(ctx, "C1", ORDER, "alice", 6_000))
					// Confirm keeps the coupon LOCKED until it is used or released
					.expect(available, locked, locked, available)
					.state(() -> CouponC1.state(this.jdbc)),
				FencedAction.of("coupon-use", CouponUseAction.class, this.use)
					.context("couponId", "C1")
					.context("orderNo", ORDER)
					.given(() -> CouponC1.given(this.jdbc, "LOCKED", ORDER))
					.tries(ctx -> this.use.prepare(ctx, "C1", ORDER))
					.state(() -> CouponC1.state(this.jdbc))
					.expect(locked, CouponC1.of("USING", ORDER), CouponC1.of("USED", ORDER), locked),
				FencedAction.of("coupon-release", CouponReleaseAction.class, this.release)
					.context("couponId", "C1")
					.context("orderNo", ORDER)
					.given(() -> CouponC1.given(this.jdbc, "LOCKED", ORDER))
					.tries(ctx -> this.release.prepare(ctx, "C1", ORDER))
					.state(() -> CouponC1.state(this.jdbc))
					.expect(locked, CouponC1.of("RELEASING", ORDER), available, locked));
	}

}
