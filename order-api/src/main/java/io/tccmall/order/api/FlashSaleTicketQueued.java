package io.tccmall.order.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * A buyer was admitted to a flash sale; the ticket waits to become an order. Topic
 * {@link #TOPIC}, key = ticket id; JSON with {@code type}, {@code schemaVersion} and a
 * unique {@code eventId} (delivery is at least once).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonTypeName("FlashSaleTicketQueued")
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlashSaleTicketQueued(@NotBlank String eventId, @Positive int schemaVersion, Instant occurredAt,
		@NotBlank String ticketId, String saleId, String userId) {

	public static final String TOPIC = "tccmall.flashsale.tickets";

	public static final int SCHEMA_VERSION = 1;

}
