package io.tccmall.order.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.tccmall.common.id.Ids;
import io.tccmall.common.outbox.Outbox;
import io.tccmall.order.api.OrderCancelled;
import io.tccmall.order.api.OrderEvents;
import io.tccmall.order.api.OrderLifecycleEvent;
import io.tccmall.order.api.OrderPaid;
import io.tccmall.order.api.OrderPlaced;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderItem;
import io.tccmall.order.order.OrderMapper;

import org.springframework.stereotype.Component;

/**
 * Writes an order's events to the outbox, in the local transaction of the status change
 * they announce ({@code OrderSettlement}, order-cancel's Confirm): the event commits with
 * it, once.
 */
@Component
public class OrderEventWriter {

	private final OrderMapper orders;

	private final Outbox outbox;

	OrderEventWriter(OrderMapper orders, Outbox outbox) {
		this.orders = orders;
		this.outbox = outbox;
	}

	public void placed(Order order, List<OrderItem> orderItems) {
		var lines = orderItems.stream()
			.map(item -> new OrderPlaced.Line(item.getSkuId(), item.getQuantity(), item.getUnitPriceCents()))
			.toList();
		append(new OrderPlaced(Ids.next(), OrderPlaced.SCHEMA_VERSION, Instant.now(), order.getOrderNo(),
				order.getUserId(), order.getTotalCents(), order.getDiscountCents(), order.getPayableCents(),
				order.getCouponId(), order.getExpireAt().toInstant(ZoneOffset.UTC), lines));
	}

	public void paid(Order order, String paymentNo) {
		append(new OrderPaid(Ids.next(), OrderPaid.SCHEMA_VERSION, Instant.now(), order.getOrderNo(), order.getUserId(),
				paymentNo, order.getPayableCents()));
	}

	public void cancelled(String orderNo) {
		Order order = this.orders.selectById(orderNo);
		append(new OrderCancelled(Ids.next(), OrderCancelled.SCHEMA_VERSION, Instant.now(), orderNo, order.getUserId(),
				OrderCancelled.Reason.valueOf(order.getCancelReason())));
	}

	private void append(OrderLifecycleEvent event) {
		this.outbox.append(OrderEvents.TOPIC, event.orderNo(), event.eventId(), event);
	}

}
