package io.tccmall.order.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * An order was placed: its stock is reserved and it awaits payment until
 * {@code expiresAt}.
 */
@JsonTypeName("OrderPlaced")
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPlaced(String eventId, int schemaVersion, Instant occurredAt, String orderNo, String userId,
		long totalCents, long discountCents, long payableCents, String couponId, Instant expiresAt,
		List<Line> items) implements OrderLifecycleEvent {

	public static final int SCHEMA_VERSION = 1;

	public record Line(String skuId, int quantity, long unitPriceCents) {
	}

}
