package io.tccmall.order.order;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

/**
 * Order's branch of cancel: AWAITING_PAYMENT → CANCELLING, racing safely with pay and
 * timeout.
 */
@LocalTCC
public interface OrderCancelAction {

	@TwoPhaseBusinessAction(name = "order-cancel", commitMethod = "confirm", rollbackMethod = "cancel",
			useTCCFence = true)
	boolean prepare(BusinessActionContext context,
			@BusinessActionContextParameter(paramName = "orderNo") String orderNo, String userId, String reason);

	/** CANCELLING → CANCELLED. */
	boolean confirm(BusinessActionContext context);

	/** CANCELLING → AWAITING_PAYMENT. */
	boolean cancel(BusinessActionContext context);

}
