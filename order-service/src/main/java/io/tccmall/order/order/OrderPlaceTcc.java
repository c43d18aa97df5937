package io.tccmall.order.order;

import java.util.List;

import io.tccmall.order.events.OrderEventWriter;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@LocalTCC
public class OrderPlaceTcc implements OrderPlaceAction {

	private final OrderMapper orders;

	private final OrderItemMapper items;

	private final OrderEventWriter events;

	OrderPlaceTcc(OrderMapper orders, OrderItemMapper items, OrderEventWriter events) {
		this.orders = orders;
		this.items = items;
		this.events = events;
	}

	@Override
	@Transactional
	@TwoPhaseBusinessAction(name = "order-place", commitMethod = "confirm", rollbackMethod = "cancel",
			useTCCFence = true)
	public boolean prepare(BusinessActionContext context,
			@BusinessActionContextParameter(paramName = "orderNo") String orderNo, Order order,
			List<OrderItem> orderItems) {
		order.setStatus(OrderStatus.TRYING);
		order.setPlaceXid(context.getXid());
		this.orders.insert(order);
		orderItems.forEach(this.items::insert);
		return true;
	}

	@Override
	public boolean confirm(BusinessActionContext context) {
		String orderNo = orderNo(context);
		if (this.orders.apply(orderNo, OrderEvent.PLACE_CONFIRMED) == 1) {
			this.events.placed(orderNo);
		}
		return true;
	}

	@Override
	public boolean cancel(BusinessActionContext context) {
		this.orders.apply(orderNo(context), OrderEvent.PLACE_CANCELLED);
		return true;
	}

	static String orderNo(BusinessActionContext context) {
		return context.getActionContext("orderNo", String.class);
	}

}
