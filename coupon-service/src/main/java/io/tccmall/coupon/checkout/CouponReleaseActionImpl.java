package io.tccmall.coupon.checkout;

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
public class CouponReleaseActionImpl implements CouponReleaseAction {

	private static final Logger log = LoggerFactory.getLogger(CouponReleaseActionImpl.class);

	private final UserCouponMapper coupons;

	CouponReleaseActionImpl(UserCouponMapper coupons) {
		this.coupons = coupons;
	}

	/**
	 * Nothing locked for the order (already released, never locked) is a no-op; a coupon
	 * the order is using or has used cannot be released.
	 */
	@Override
	@Transactional
	@TwoPhaseBusinessAction(name = "coupon-release", commitMethod = "confirm", rollbackMethod = "cancel",
			useTCCFence = true)
	public boolean prepare(BusinessActionContext ctx,
			@BusinessActionContextParameter(paramName = "couponId") String couponId,
			@BusinessActionContextParameter(paramName = "orderNo") String orderNo) {
		GlobalTransactions.require(ctx);
		if (this.coupons.transition(couponId, orderNo, UserCoupon.LOCKED, UserCoupon.RELEASING) == 1) {
			log.info("coupon-release try: coupon {} being released by order {}", couponId, orderNo);
			return true;
		}
		UserCoupon coupon = this.coupons.find(couponId);
		if (coupon == null) {
			throw GlobalTransactions.couponNotFound(couponId);
		}
		if (coupon.heldBy(orderNo, UserCoupon.USING, UserCoupon.USED)) {
			throw BusinessException.conflict("ILLEGAL_COUPON_STATE", "Coupon " + couponId + " is " + coupon.status()
					+ " by order " + orderNo + " and cannot be released");
		}
		return true;
	}

	@Override
	@Transactional
	public boolean confirm(BusinessActionContext ctx) {
		String couponId = ctx.getActionContext("couponId", String.class);
		String orderNo = ctx.getActionContext("orderNo", String.class);
		if (this.coupons.makeAvailable(couponId, orderNo, UserCoupon.RELEASING) == 1) {
			log.info("coupon-release confirm: coupon {} available again (order {})", couponId, orderNo);
		}
		return true;
	}

	@Override
	@Transactional
	public boolean cancel(BusinessActionContext ctx) {
		String couponId = ctx.getActionContext("couponId", String.class);
		String orderNo = ctx.getActionContext("orderNo", String.class);
		if (this.coupons.transition(couponId, orderNo, UserCoupon.RELEASING, UserCoupon.LOCKED) == 1) {
			log.info("coupon-release cancel: coupon {} locked for order {} again", couponId, orderNo);
		}
		return true;
	}

}
