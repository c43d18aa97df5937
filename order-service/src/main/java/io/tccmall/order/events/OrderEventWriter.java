package io.tccmall.order.events;

import java.time.Instant;
import java.time.ZoneOffset;

import io.tccmall.common.id.Ids;
import io.tccmall.common.outbox.Outbox;
import io.tccmall.order.api.OrderCancelled;
import io.tccmall.order.api.OrderEvents;
import io.tccmall.order.api.OrderLifecycleEvent;
import io.tccmall.order.api.OrderPaid;
import io.tccmall.order.api.OrderPlaced;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderItemMapper;
import io.tccmall.order.order.OrderMapper;

import org.springframework.stereotype.Component;

/**
 * Writes an order's events to the outbox. Called by the order's own Confirm actions, in
 * their fenced local transaction: the event commits with the status change, once.
 */
@Component
public class OrderEventWriter {

	private final OrderMapper orders;

	private final OrderItemMapper items;

	private final Outbox outbox;

	OrderEventWriter(OrderMapper orders, OrderItemMapper items, Outbox outbox) {
		this.orders = orders;
		this.items = items;
		this.outbox = outbox;
	}

	public void placed(String orderNo) {
		Order order = this.orders.selectById(orderNo);
		var lines = this.items.findByOrderNo(orderNo)
			.stream()
			.map(item -> new OrderPlaced.Line(item.getSkuId(), item.getQuantity(), item.getUnitPriceCents()))
			.toList();
		append(new OrderPlaced(Ids.next(), OrderPlaced.SCHEMA_VERSION, Instant.now(), orderNo, order.getUserId(),
				order.getTotalCents(), order.getDiscountCents(), order.getPayableCents(), order.getCouponId(),
				order.getExpireAt().toInstant(ZoneOffset.UTC), lines));
	}

	public void paid(String orderNo) {
		Order order = this.orders.selectById(orderNo);
		append(new OrderPaid(Ids.next(), OrderPaid.SCHEMA_VERSION, Instant.now(), orderNo, order.getUserId(),
				order.getPaymentNo(), order.getPayableCents()));
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
