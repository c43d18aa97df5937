package io.tccmall.order.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * An order was paid: its coupon used, the buyer's wallet debited. Its stock, reserved
 * since the order was placed, is booked as sold by inventory-service when it reads this
 * event.
 */
@JsonTypeName("OrderPaid")
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPaid(String eventId, int schemaVersion, Instant occurredAt, String orderNo, String userId,
		String paymentNo, long paidCents) implements OrderLifecycleEvent {

	public static final int SCHEMA_VERSION = 1;

}
