package io.tccmall.order.order;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

/**
 * Order's branch of pay: AWAITING_PAYMENT → PAYING, the guard that lets exactly one
 * payment through.
 */
@LocalTCC
public interface OrderPayAction {

	@TwoPhaseBusinessAction(name = "order-pay", commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
	boolean prepare(BusinessActionContext context,
			@BusinessActionContextParameter(paramName = "orderNo") String orderNo, String userId,
			String idempotencyKey);

	/** PAYING → PAID. */
	boolean confirm(BusinessActionContext context);

	/** PAYING → AWAITING_PAYMENT: the order stays payable. */
	boolean cancel(BusinessActionContext context);

}
