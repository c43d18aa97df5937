package io.tccmall.order.order;

import java.util.Optional;

/**
 * The order state machine: every status change is one of these events, applied as
 * {@code UPDATE orders SET status = to WHERE order_no = ? AND status = from}, so the
 * database decides which of two racing events wins and an illegal transition changes
 * nothing.
 */
public enum OrderEvent {

	PLACE_CONFIRMED(OrderStatus.TRYING, OrderStatus.AWAITING_PAYMENT),
	PLACE_CANCELLED(OrderStatus.TRYING, OrderStatus.CANCELLED),
	PAY_STARTED(OrderStatus.AWAITING_PAYMENT, OrderStatus.PAYING), PAY_CONFIRMED(OrderStatus.PAYING, OrderStatus.PAID),
	PAY_CANCELLED(OrderStatus.PAYING, OrderStatus.AWAITING_PAYMENT),
	CANCEL_STARTED(OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCELLING),
	CANCEL_CONFIRMED(OrderStatus.CANCELLING, OrderStatus.CANCELLED),
	CANCEL_ABORTED(OrderStatus.CANCELLING, OrderStatus.AWAITING_PAYMENT);

	private final OrderStatus from;

	private final OrderStatus to;

	OrderEvent(OrderStatus from, OrderStatus to) {
		this.from = from;
		this.to = to;
	}

	public OrderStatus from() {
		return this.from;
	}

	public OrderStatus to() {
		return this.to;
	}

	/**
	 * The status this event leads to from {@code current}, or empty when the event is
	 * illegal there.
	 */
	public Optional<OrderStatus> next(OrderStatus current) {
		return (current == this.from) ? Optional.of(this.to) : Optional.empty();
	}

}
