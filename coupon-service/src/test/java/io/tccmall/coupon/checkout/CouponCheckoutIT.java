package io.tccmall.coupon.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tccmall.common.web.BusinessException;
import io.tccmall.coupon.AbstractIntegrationTest;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CouponCheckoutIT extends AbstractIntegrationTest {

	private static final Instant NEXT_MONTH = NOW.plus(Duration.ofDays(30));

	@Autowired
	CouponLockAction lock;

	@Autowired
	CouponUseAction use;

	@Autowired
	CouponReleaseAction release;

	@BeforeEach
	void clean() {
		cleanTables();
		givenCoupon("C1", "alice", "AVAILABLE", null, 500, 5_000, NEXT_MONTH);
	}

	@Test
	void shouldLockAnAvailableCouponForTheOrderAndKeepItLockedOnConfirm() {
		BusinessActionContext ctx = ctx("xid-1", "C1", "O1");

		assertThat(this.lock.prepare(ctx, "C1", "O1", "alice", 5_000)).isEqualTo(500);
		assertCoupon("C1", "LOCKED", "O1");

		assertThat(this.lock.confirm(ctx)).isTrue();
		assertThat(this.lock.confirm(ctx)).isTrue();
		assertCoupon("C1", "LOCKED", "O1");
	}

	@Test
	void shouldRefuseALockUnderTheMinimumSpendAndChangeNothing() {
		assertRefused(() -> this.lock.prepare(ctx("xid-1", "C1", "O1"), "C1", "O1", "alice", 4_999),
				"COUPON_NOT_APPLICABLE");

		assertCoupon("C1", "AVAILABLE", null);
	}

	@Test
	void shouldAnswerNotFoundForAnotherUsersCouponOrAnUnknownOne() {
		assertRefused(() -> this.lock.prepare(ctx("xid-1", "C1", "O1"), "C1", "O1", "bob", 10_000), "COUPON_NOT_FOUND");
		assertRefused(() -> this.lock.prepare(ctx("xid-1", "C9", "O1"), "C9", "O1", "alice", 10_000),
				"COUPON_NOT_FOUND");

		assertCoupon("C1", "AVAILABLE", null);
	}

	@Test
	void shouldRefuseAnExpiredCoupon() {
		givenCoupon("C2", "alice", "AVAILABLE", null, 500, 5_000, NOW.minus(Duration.ofMinutes(1)));

		assertRefused(() -> this.lock.prepare(ctx("xid-1", "C2", "O1"), "C2", "O1", "alice", 10_000),
				"COUPON_NOT_APPLICABLE");

		assertCoupon("C2", "AVAILABLE", null);
	}

	@Test
	void shouldAcceptTheSameOrderLockingAgainAndRefuseAnotherOrder() {
		this.lock.prepare(ctx("xid-1", "C1", "O1"), "C1", "O1", "alice", 5_000);

		assertThat(this.lock.prepare(ctx("xid-1", "C1", "O1"), "C1", "O1", "alice", 5_000)).isEqualTo(500);
		assertRefused(() -> this.lock.prepare(ctx("xid-2", "C1", "O2"), "C1", "O2", "alice", 5_000),
				"COUPON_NOT_APPLICABLE");

		assertCoupon("C1", "LOCKED", "O1");
	}

	@Test
	void shouldMakeTheCouponAvailableOnceWhenTheLockIsCancelledTwice() {
		BusinessActionContext first = ctx("xid-1", "C1", "O1");
		this.lock.prepare(first, "C1", "O1", "alice", 5_000);

		assertThat(this.lock.cancel(first)).isTrue();
		assertCoupon("C1", "AVAILABLE", null);
		this.lock.prepare(ctx("xid-2", "C1", "O2"), "C1", "O2", "alice", 5_000);
		assertThat(this.lock.cancel(first)).isTrue();

		assertCoupon("C1", "LOCKED", "O2");
	}

	@Test
	void shouldMarkTheCouponUsedWhenUseIsConfirmed() {
		this.lock.prepare(ctx("xid-1", "C1", "O1"), "C1", "O1", "alice", 5_000);
		BusinessActionContext pay = ctx("xid-2", "C1", "O1");

		assertThat(this.use.prepare(pay, "C1", "O1")).isTrue();
		assertCoupon("C1", "USING", "O1");
		assertThat(this.use.confirm(pay)).isTrue();
		assertCoupon("C1", "USED", "O1");

		assertThat(this.use.confirm(pay)).isTrue();
		assertThat(this.use.cancel(pay)).isTrue();
		assertCoupon("C1", "USED", "O1");
	}

	@Test
	void shouldLockTheCouponAgainWhenUseIsCancelled() {
		this.lock.prepare(ctx("xid-1", "C1", "O1"), "C1", "O1", "alice", 5_000);
		BusinessActionContext pay = ctx("xid-2", "C1", "O1");
		this.use.prepare(pay, "C1", "O1");

		assertThat(this.use.cancel(pay)).isTrue();
		assertThat(this.use.cancel(pay)).isTrue();

		assertCoupon("C1", "LOCKED", "O1");
	}

	@Test
	void shouldRefuseUseOfACouponNotLockedForTheOrder() {
		assertRefused(() -> this.use.prepare(ctx("xid-1", "C1", "O1"), "C1", "O1"), "ILLEGAL_COUPON_STATE");
		this.lock.prepare(ctx("xid-1", "C1", "O1"), "C1", "O1", "alice", 5_000);
		assertRefused(() -> this.use.prepare(ctx("xid-2", "C1", "O2"), "C1", "O2"), "ILLEGAL_COUPON_STATE");
		assertRefused(() -> this.use.prepare(ctx("xid-2", "C9", "O1"), "C9", "O1"), "COUPON_NOT_FOUND");

		assertCoupon("C1", "LOCKED", "O1");
	}

	@Test
	void shouldMakeTheCouponAvailableWhenReleaseIsConfirmed() {
		this.lock.prepare(ctx("xid-1", "C1", "O1"), "C1", "O1", "alice", 5_000);
		BusinessActionContext cancelOrder = ctx("xid-2", "C1", "O1");

		assertThat(this.release.prepare(cancelOrder, "C1", "O1")).isTrue();
		assertCoupon("C1", "RELEASING", "O1");
		assertThat(this.release.confirm(cancelOrder)).isTrue();
		assertCoupon("C1", "AVAILABLE", null);

		this.lock.prepare(ctx("xid-3", "C1", "O2"), "C1", "O2", "alice", 5_000);
		assertThat(this.release.confirm(cancelOrder)).isTrue();
		assertThat(this.release.cancel(cancelOrder)).isTrue();
		assertCoupon("C1", "LOCKED", "O2");
	}

	@Test
	void shouldLockTheCouponAgainWhenReleaseIsCancelled() {
		this.lock.prepare(ctx("xid-1", "C1", "O1"), "C1", "O1", "alice", 5_000);
		BusinessActionContext cancelOrder = ctx("xid-2", "C1", "O1");
		this.release.prepare(cancelOrder, "C1", "O1");

		assertThat(this.release.cancel(cancelOrder)).isTrue();
		assertThat(this.release.cancel(cancelOrder)).isTrue();

		assertCoupon("C1", "LOCKED", "O1");
	}

	@Test
	void shouldTreatReleaseOfNothingLockedAsNoOpButRefuseReleaseOfAUsedCoupon() {
		BusinessActionContext cancelOrder = ctx("xid-1", "C1", "O1");
		assertThat(this.release.prepare(cancelOrder, "C1", "O1")).isTrue();
		assertThat(this.release.confirm(cancelOrder)).isTrue();
		assertCoupon("C1", "AVAILABLE", null);

		givenCoupon("C2", "alice", "USED", "O2", 500, 5_000, NEXT_MONTH);
		assertRefused(() -> this.release.prepare(ctx("xid-2", "C2", "O2"), "C2", "O2"), "ILLEGAL_COUPON_STATE");
		assertCoupon("C2", "USED", "O2");
	}

	@Test
	void shouldTreatPhaseTwoOfNeverTriedActionsAsNoOps() {
		givenCoupon("C2", "alice", "LOCKED", "O2", 500, 5_000, NEXT_MONTH);
		BusinessActionContext neverTriedOnC1 = ctx("xid-9", "C1", "O9");
		BusinessActionContext neverTriedOnC2 = ctx("xid-9", "C2", "O9");
		BusinessActionContext unknownCoupon = ctx("xid-9", "C404", "O9");

		for (BusinessActionContext ctx : List.of(neverTriedOnC1, neverTriedOnC2, unknownCoupon)) {
			assertThat(this.lock.cancel(ctx)).isTrue();
			assertThat(this.lock.confirm(ctx)).isTrue();
			assertThat(this.use.cancel(ctx)).isTrue();
			assertThat(this.use.confirm(ctx)).isTrue();
			assertThat(this.release.cancel(ctx)).isTrue();
			assertThat(this.release.confirm(ctx)).isTrue();
		}

		assertCoupon("C1", "AVAILABLE", null);
		assertCoupon("C2", "LOCKED", "O2");
	}

	@Test
	void shouldRefuseTriesOutsideAGlobalTransaction() {
		assertRefused(() -> this.lock.prepare(null, "C1", "O1", "alice", 5_000), "TRANSACTION_REQUIRED");

		assertCoupon("C1", "AVAILABLE", null);
	}

	@Test
	void shouldLockACouponForExactlyOneOfTenRacingOrders() throws Exception {
		List<Outcome> outcomes = race(10,
				i -> this.lock.prepare(ctx("xid-" + i, "C1", "O" + i), "C1", "O" + i, "alice", 5_000));

		assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
		assertThat(outcomes).filteredOn(o -> "COUPON_NOT_APPLICABLE".equals(o.refusal())).hasSize(9);
		assertThat(this.jdbc.queryForObject("SELECT status FROM user_coupon WHERE coupon_id = 'C1'", String.class))
			.isEqualTo("LOCKED");
	}

	private void assertCoupon(String couponId, String status, String orderNo) {
		Map<String, Object> row = this.jdbc.queryForMap("SELECT status, order_no FROM user_coupon WHERE coupon_id = ?",
				couponId);
		assertThat(row.get("status")).isEqualTo(status);
		assertThat(row.get("order_no")).isEqualTo(orderNo);
	}

	private static void assertRefused(Runnable attempt, String code) {
		assertThatThrownBy(attempt::run).isInstanceOfSatisfying(BusinessException.class,
				e -> assertThat(e.code()).isEqualTo(code));
	}

	private static BusinessActionContext ctx(String xid, String couponId, String orderNo) {
		BusinessActionContext ctx = new BusinessActionContext();
		ctx.setXid(xid);
		ctx.setActionContext(Map.of("couponId", couponId, "orderNo", orderNo));
		return ctx;
	}

}
