package io.tccmall.order.order;

import io.tccmall.common.web.BusinessException;
import io.tccmall.order.events.OrderEventWriter;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

import org.springframework.stereotype.Component;

@Component
@LocalTCC
public class OrderCancelTcc implements OrderCancelAction {

	private final OrderMapper orders;

	private final OrderEventWriter events;

	OrderCancelTcc(OrderMapper orders, OrderEventWriter events) {
		this.orders = orders;
		this.events = events;
	}

	@Override
	@TwoPhaseBusinessAction(name = "order-cancel", commitMethod = "confirm", rollbackMethod = "cancel",
			useTCCFence = true)
	public boolean prepare(BusinessActionContext context,
			@BusinessActionContextParameter(paramName = "orderNo") String orderNo, String userId, String reason) {
		if (this.orders.startCancel(orderNo, userId, reason, context.getXid()) == 0) {
			throw BusinessException.conflict("ILLEGAL_ORDER_STATE",
					"Order " + orderNo + " can no longer be cancelled (paid, cancelled or being paid)");
		}
		return true;
	}

	@Override
	public boolean confirm(BusinessActionContext context) {
		String orderNo = orderNo(context);
		if (this.orders.apply(orderNo, OrderEvent.CANCEL_CONFIRMED) == 1) {
			this.events.cancelled(orderNo);
		}
		return true;
	}

	@Override
	public boolean cancel(BusinessActionContext context) {
		this.orders.abortCancel(orderNo(context), context.getXid());
		return true;
	}

	private static String orderNo(BusinessActionContext context) {
		return context.getActionContext("orderNo", String.class);
	}

}
