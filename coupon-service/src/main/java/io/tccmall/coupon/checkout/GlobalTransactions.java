package io.tccmall.coupon.checkout;

import io.tccmall.common.web.BusinessException;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.rm.tcc.api.BusinessActionContext;

final class GlobalTransactions {

	private GlobalTransactions() {
	}

	/**
	 * A Try outside a global transaction would hold the coupon with nobody to ever
	 * confirm or cancel it.
	 */
	static void require(BusinessActionContext ctx) {
		String xid = (ctx != null) ? ctx.getXid() : RootContext.getXID();
		if (xid == null || xid.isBlank()) {
			throw BusinessException.badRequest("TRANSACTION_REQUIRED",
					"This operation must run inside a global transaction (TX_XID header)");
		}
	}

	static BusinessException couponNotFound(String couponId) {
		return BusinessException.notFound("COUPON_NOT_FOUND", "No coupon " + couponId);
	}

}
