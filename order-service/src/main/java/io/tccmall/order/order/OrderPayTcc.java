package io.tccmall.order.order;

import java.time.Clock;
import java.time.LocalDateTime;

import io.tccmall.common.web.BusinessException;
import io.tccmall.order.events.OrderEventWriter;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

import org.springframework.stereotype.Component;

@Component
@LocalTCC
public class OrderPayTcc implements OrderPayAction {

	private final OrderMapper orders;

	private final Clock clock;

	private final OrderEventWriter events;

	OrderPayTcc(OrderMapper orders, Clock clock, OrderEventWriter events) {
		this.orders = orders;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@TwoPhaseBusinessAction(name = "order-pay", commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
	public boolean prepare(BusinessActionContext context,
			@BusinessActionContextParameter(paramName = "orderNo") String orderNo, String userId,
			String idempotencyKey) {
		if (this.orders.startPayment(orderNo, userId, idempotencyKey, LocalDateTime.now(this.clock),
				context.getXid()) == 0) {
			throw BusinessException.conflict("ILLEGAL_ORDER_STATE",
					"Order " + orderNo + " is not awaiting payment (already paid, cancelled, expired or being paid)");
		}
		return true;
	}

	@Override
	public boolean confirm(BusinessActionContext context) {
		String orderNo = OrderPlaceTcc.orderNo(context);
		if (this.orders.confirmPayment(orderNo, LocalDateTime.now(this.clock)) == 1) {
			this.events.paid(orderNo);
		}
		return true;
	}

	@Override
	public boolean cancel(BusinessActionContext context) {
		this.orders.abortPayment(OrderPlaceTcc.orderNo(context));
		return true;
	}

}
