package io.tccmall.coupon.checkout;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * TCC action {@code coupon-release} (cancel order). Try:
 * {@code LOCKED(order) -> RELEASING}; Confirm: {@code RELEASING -> AVAILABLE} detached
 * from the order; Cancel: {@code RELEASING -> LOCKED}.
 * <p>
 * The Seata annotations sit on the implementation (see {@link CouponReleaseActionImpl}).
 */
public interface CouponReleaseAction {

	boolean prepare(BusinessActionContext ctx, String couponId, String orderNo);

	boolean confirm(BusinessActionContext ctx);

	boolean cancel(BusinessActionContext ctx);

}
