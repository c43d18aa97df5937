package io.tccmall.order.api;

/** Where order-service publishes its events. */
public final class OrderEvents {

	/**
	 * Every order event, keyed by order number: the events of one order arrive in the
	 * order they happened.
	 */
	public static final String TOPIC = "tccmall.order.events";

	private OrderEvents() {
	}

}
