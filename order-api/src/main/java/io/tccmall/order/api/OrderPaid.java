package io.tccmall.order.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** An order was paid: its stock is sold, its coupon used, the buyer's wallet debited. */
@JsonTypeName("OrderPaid")
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPaid(String eventId, int schemaVersion, Instant occurredAt, String orderNo, String userId,
		String paymentNo, long paidCents) implements OrderLifecycleEvent {

	public static final int SCHEMA_VERSION = 1;

}
