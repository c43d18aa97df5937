package io.tccmall.order.order;

import java.util.List;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

/**
 * Order's own branch of place-order: the order exists as TRYING until the global
 * transaction decides.
 */
@LocalTCC
public interface OrderPlaceAction {

	@TwoPhaseBusinessAction(name = "order-place", commitMethod = "confirm", rollbackMethod = "cancel",
			useTCCFence = true)
	boolean prepare(BusinessActionContext context,
			@BusinessActionContextParameter(paramName = "orderNo") String orderNo, Order order, List<OrderItem> items);

	/** TRYING → AWAITING_PAYMENT. */
	boolean confirm(BusinessActionContext context);

	/** TRYING → CANCELLED. */
	boolean cancel(BusinessActionContext context);

}
