package io.tccmall.payment.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A payment was captured: the amount left the buyer's wallet for good. JSON with
 * {@code type}, {@code schemaVersion} and a unique {@code eventId} (delivery is at least
 * once).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonTypeName("PaymentSucceeded")
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentSucceeded(String eventId, int schemaVersion, Instant occurredAt, String paymentNo, String orderNo,
		String userId, long amountCents) {

	public static final int SCHEMA_VERSION = 1;

}
