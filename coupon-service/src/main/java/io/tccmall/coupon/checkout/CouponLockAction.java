package io.tccmall.coupon.checkout;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * TCC action {@code coupon-lock} (place order). Try: {@code AVAILABLE -> LOCKED} for the
 * order; Confirm: stays LOCKED; Cancel: {@code LOCKED(order) -> AVAILABLE}.
 * <p>
 * The Seata annotations sit on the implementation (see {@link CouponLockActionImpl}).
 */
public interface CouponLockAction {

	/**
	 * @return the coupon's discount in cents
	 */
	long prepare(BusinessActionContext ctx, String couponId, String orderNo, String userId, long orderTotalCents);

	boolean confirm(BusinessActionContext ctx);

	boolean cancel(BusinessActionContext ctx);

}
