package io.tccmall.order.order;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * Order's branch of pay: AWAITING_PAYMENT → PAYING, the guard that lets exactly one
 * payment through. Seata's annotations are on the implementation: Seata reads them from
 * the proxied class (#6235).
 */
public interface OrderPayAction {

	boolean prepare(BusinessActionContext context, String orderNo, String userId, String idempotencyKey);

	/** PAYING → PAID. */
	boolean confirm(BusinessActionContext context);

	/** PAYING → AWAITING_PAYMENT: the order stays payable. */
	boolean cancel(BusinessActionContext context);

}
