package io.tccmall.order.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * An unpaid order was cancelled by its buyer, its deadline or an admin's release (a
 * cancellation that needed a human); stock and coupon are back. Consumers must accept
 * reasons they do not know yet.
 */
@JsonTypeName("OrderCancelled")
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderCancelled(@NotBlank String eventId, @Positive int schemaVersion, Instant occurredAt,
		@NotBlank String orderNo, @NotBlank String userId, Reason reason) implements OrderLifecycleEvent {

	public static final int SCHEMA_VERSION = 1;

	public enum Reason {

		USER, TIMEOUT, ADMIN

	}

}
