package io.tccmall.order.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event of {@link OrderEvents#TOPIC}. The JSON carries {@code type}, the
 * {@code schemaVersion} of that type (a new version adds fields; a breaking change gets a
 * new type), and an {@code eventId} that is unique per event: a consumer applies an event
 * id once, because delivery is at least once.
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
