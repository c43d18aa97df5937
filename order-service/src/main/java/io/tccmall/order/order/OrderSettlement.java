package io.tccmall.order.order;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import io.tccmall.order.events.OrderEventWriter;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order's own steps of place and pay (ADR 0012). They are local writes of the TM, not
 * TCC branches: the order is written as {@code TRYING}/{@code PAYING} inside the global
 * transaction, and settled here once the transaction's outcome is known, by the TM right
 * after Seata answers or later by {@code UnsettledOrders}. Each settlement is one guarded
 * update; a confirmation writes the order's event in the same local transaction, so it
 * happens once whoever gets there first.
 */
@Component
public class OrderSettlement {

	private final OrderMapper orders;

	private final OrderItemMapper items;

	private final OrderEventWriter events;

	private final Clock clock;

	private final HoldingCaps caps;

	OrderSettlement(OrderMapper orders, OrderItemMapper items, OrderEventWriter events, Clock clock, HoldingCaps caps) {
		this.orders = orders;
		this.caps = caps;
		this.items = items;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The last step of a place transaction's body: the order and its lines, together, as
	 * TRYING, if the shopper's caps still allow them (checked under the shopper's row
	 * lock). An order row therefore means every Try of its place transaction succeeded.
	 */
	@Transactional
	public void insertTrying(Order order, List<OrderItem> orderItems) {
		this.caps.checkLocked(order.getUserId(), orderItems.stream().mapToLong(OrderItem::getQuantity).sum());
		order.setStatus(OrderStatus.TRYING);
		this.orders.insert(order);
		orderItems.forEach(this.items::insert);
	}

	/** TRYING → AWAITING_PAYMENT, with its {@code OrderPlaced} event. */
	@Transactional
	public boolean placeCommitted(Order order, List<OrderItem> orderItems) {
		if (this.orders.apply(order.getOrderNo(), OrderEvent.PLACE_CONFIRMED) == 0) {
			return false;
		}
		this.events.placed(order, orderItems);
		return true;
	}

	/** TRYING → CANCELLED. */
	public boolean placeRolledBack(String orderNo) {
		return this.orders.apply(orderNo, OrderEvent.PLACE_CANCELLED) == 1;
	}

	/**
	 * The first step of a pay transaction's body, AWAITING_PAYMENT → PAYING: the guard
	 * that lets one payment of the order through at a time.
	 */
	public boolean startPayment(Order order, String idempotencyKey, String xid) {
		return this.orders.startPayment(order.getOrderNo(), order.getUserId(), idempotencyKey,
				LocalDateTime.now(this.clock), xid) == 1;
	}

	/**
	 * PAYING → PAID for the pay transaction {@code xid}, with its {@code OrderPaid}
	 * event.
	 */
	@Transactional
	public boolean payCommitted(Order order, String xid, String paymentNo) {
		if (this.orders.confirmPayment(order.getOrderNo(), xid, LocalDateTime.now(this.clock)) == 0) {
			return false;
		}
		this.events.paid(order, paymentNo);
		return true;
	}

	/**
	 * PAYING → AWAITING_PAYMENT for the pay transaction {@code xid}: the order stays
	 * payable.
	 */
	public boolean payRolledBack(String orderNo, String xid) {
		return this.orders.abortPayment(orderNo, xid) == 1;
	}

}
