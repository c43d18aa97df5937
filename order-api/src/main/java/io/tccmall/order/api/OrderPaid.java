package io.tccmall.order.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * An order was paid: its coupon used, the buyer's wallet debited. Its stock, reserved
 * since the order was placed, is booked as sold by inventory-service when it reads this
 * event.
 */
@JsonTypeName("OrderPaid")
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPaid(@NotBlank String eventId, @Positive int schemaVersion, Instant occurredAt,
		@NotBlank String orderNo, @NotBlank String userId, String paymentNo,
		@PositiveOrZero long paidCents) implements OrderLifecycleEvent {

	public static final int SCHEMA_VERSION = 1;

}
