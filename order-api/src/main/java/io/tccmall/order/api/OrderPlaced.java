package io.tccmall.order.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * An order was placed: its stock is reserved and it awaits payment until
 * {@code expiresAt}.
 */
@JsonTypeName("OrderPlaced")
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPlaced(@NotBlank String eventId, @Positive int schemaVersion, Instant occurredAt,
		@NotBlank String orderNo, @NotBlank String userId, long totalCents, long discountCents, long payableCents,
		String couponId, Instant expiresAt, List<Line> items) implements OrderLifecycleEvent {

	public static final int SCHEMA_VERSION = 1;

	public record Line(String skuId, int quantity, long unitPriceCents) {
	}

}
