package io.tccmall.coupon.checkout;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * TCC action {@code coupon-use} (pay). Try: {@code LOCKED(order) -> USING}; Confirm:
 * {@code USING -> USED}; Cancel: {@code USING -> LOCKED}.
 * <p>
 * The Seata annotations sit on the implementation (see {@link CouponUseActionImpl}).
 */
public interface CouponUseAction {

	boolean prepare(BusinessActionContext ctx, String couponId, String orderNo);

	boolean confirm(BusinessActionContext ctx);

	boolean cancel(BusinessActionContext ctx);

}
