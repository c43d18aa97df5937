package io.tccmall.payment.api;

/** Where payment-service publishes its events. */
public final class PaymentEvents {

	/** Payment events, keyed by order number. */
	public static final String TOPIC = "tccmall.payment.events";

	private PaymentEvents() {
	}

}
