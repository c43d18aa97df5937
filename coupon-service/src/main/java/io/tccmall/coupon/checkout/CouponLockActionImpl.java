package io.tccmall.coupon.checkout;

import java.time.Instant;

import io.tccmall.common.web.BusinessException;
import io.tccmall.coupon.usercoupon.UserCoupon;
import io.tccmall.coupon.usercoupon.UserCouponMapper;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public, with the Seata annotations here rather than on the interface: the bean is a
 * CGLIB proxy (it is {@code @Transactional}), Seata 2.5 reads
 * {@code @BusinessActionContextParameter} from the proxied class's method (annotations
 * only on the interface never reach the action context, so phase two would see no
 * {@code couponId}/{@code orderNo}) and invokes confirm/cancel reflectively on this
 * class.
 */
@Component
@LocalTCC
public class CouponLockActionImpl implements CouponLockAction {

	private static final Logger log = LoggerFactory.getLogger(CouponLockActionImpl.class);

	private final UserCouponMapper coupons;

	CouponLockActionImpl(UserCouponMapper coupons) {
		this.coupons = coupons;
	}

	@Override
	@Transactional
	@TwoPhaseBusinessAction(name = "coupon-lock", commitMethod = "confirm", rollbackMethod = "cancel",
			useTCCFence = true)
	public long prepare(BusinessActionContext ctx,
			@BusinessActionContextParameter(paramName = "couponId") String couponId,
			@BusinessActionContextParameter(paramName = "orderNo") String orderNo, String userId,
			long orderTotalCents) {
		GlobalTransactions.require(ctx);
		boolean locked = this.coupons.lock(couponId, userId, orderNo, orderTotalCents) == 1;
		UserCoupon coupon = this.coupons.find(couponId);
		if (coupon == null || !coupon.userId().equals(userId)) {
			// another user's coupon is not distinguishable from an unknown one
			throw GlobalTransactions.couponNotFound(couponId);
		}
		if (locked) {
			log.info("coupon-lock try: coupon {} locked for order {}", couponId, orderNo);
			return coupon.discountCents();
		}
		if (coupon.heldBy(orderNo, UserCoupon.LOCKED)) {
			return coupon.discountCents();
		}
		throw BusinessException.unprocessable("COUPON_NOT_APPLICABLE", notApplicable(coupon, orderTotalCents));
	}

	private static String notApplicable(UserCoupon coupon, long orderTotalCents) {
		if (!UserCoupon.AVAILABLE.equals(coupon.status())) {
			return "Coupon " + coupon.couponId() + " is not available (" + coupon.status() + ")";
		}
		if (!coupon.validUntil().isAfter(Instant.now())) {
			return "Coupon " + coupon.couponId() + " expired at " + coupon.validUntil();
		}
		if (coupon.minSpendCents() > orderTotalCents) {
			return "Coupon " + coupon.couponId() + " needs an order of at least " + coupon.minSpendCents()
					+ " cents, this one is " + orderTotalCents;
		}
		return "Coupon " + coupon.couponId() + " cannot be applied to this order";
	}

	@Override
	public boolean confirm(BusinessActionContext ctx) {
		// the coupon stays LOCKED for the order until it is used or released
		return true;
	}

	@Override
	@Transactional
	public boolean cancel(BusinessActionContext ctx) {
		String couponId = ctx.getActionContext("couponId", String.class);
		String orderNo = ctx.getActionContext("orderNo", String.class);
		if (this.coupons.makeAvailable(couponId, orderNo, UserCoupon.LOCKED) == 1) {
			log.info("coupon-lock cancel: coupon {} available again (order {})", couponId, orderNo);
		}
		return true;
	}

}
