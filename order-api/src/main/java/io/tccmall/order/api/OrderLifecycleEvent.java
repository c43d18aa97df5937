package io.tccmall.order.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event of {@link OrderEvents#TOPIC}. The JSON carries {@code type}, the
 * {@code schemaVersion} of that type (a new version adds fields; a breaking change gets a
 * new type), and an {@code eventId} that is unique per event: a consumer applies an event
 * id once, because delivery is at least once. The Bean Validation constraints on the
 * records are what a consumer needs to apply one (an event id, a schema version of at
 * least 1, the order number and the user): a consumer sends an event that lacks them to
 * the dead-letter topic instead of applying it (tcc-common's {@code EventReader}, ADR
 * 0016).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(OrderPlaced.class), @JsonSubTypes.Type(OrderPaid.class),
		@JsonSubTypes.Type(OrderCancelled.class) })
public sealed interface OrderLifecycleEvent permits OrderPlaced, OrderPaid, OrderCancelled {

	String eventId();

	int schemaVersion();

	Instant occurredAt();

	String orderNo();

	String userId();

}
