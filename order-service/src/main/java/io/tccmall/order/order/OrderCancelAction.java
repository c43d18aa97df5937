package io.tccmall.order.order;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * Order's branch of cancel: AWAITING_PAYMENT → CANCELLING, racing safely with pay and
 * timeout. Seata's annotations are on the implementation: Seata reads them from the
 * proxied class (#6235).
 */
public interface OrderCancelAction {

	boolean prepare(BusinessActionContext context, String orderNo, String userId, String reason);

	/** CANCELLING → CANCELLED. */
	boolean confirm(BusinessActionContext context);

	/** CANCELLING → AWAITING_PAYMENT. */
	boolean cancel(BusinessActionContext context);

}
