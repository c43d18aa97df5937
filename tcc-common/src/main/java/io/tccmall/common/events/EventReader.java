package io.tccmall.common.events;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tccmall.common.outbox.OutboxRelay;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a record's JSON into an event and validates it (the event's Bean Validation
 * constraints: e.g. an event id, a schema version of at least 1). A record that is not
 * JSON, not of the type, or invalid is an {@link UnprocessableEventException}: it goes to
 * the dead-letter topic instead of blocking its partition for ever.
 */
public class EventReader {

	private final ObjectMapper json;

	private final Validator validator;

	public EventReader(ObjectMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	public <T> T read(ConsumerRecord<?, String> record, Class<T> type) {
		if (record.value() == null) {
			throw unprocessable(record, "has no payload", null);
		}
		T event;
		try {
			event = this.json.readValue(record.value(), type);
		}
		catch (JsonProcessingException ex) {
			throw unprocessable(record, "is not a " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
		if (event == null) {
			throw unprocessable(record, "is JSON null", null);
		}
		Set<ConstraintViolation<T>> violations = this.validator.validate(event);
		if (!violations.isEmpty()) {
			throw unprocessable(record,
					"is an invalid " + event.getClass().getSimpleName() + ": "
							+ violations.stream()
								.map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
								.sorted()
								.collect(Collectors.joining(", ")),
					null);
		}
		return event;
	}

	private static UnprocessableEventException unprocessable(ConsumerRecord<?, ?> record, String why, Throwable cause) {
		Header eventId = record.headers().lastHeader(OutboxRelay.EVENT_ID_HEADER);
		String id = (eventId != null) ? " (event " + new String(eventId.value(), StandardCharsets.UTF_8) + ")" : "";
		return new UnprocessableEventException(
				"record " + record.topic() + "-" + record.partition() + "@" + record.offset() + id + " " + why, cause);
	}

}
