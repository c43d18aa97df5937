package io.tccmall.common.events;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tccmall.common.outbox.OutboxRelay;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A record that is not JSON, not the event, or an invalid one is unprocessable (and so
 * dead-lettered, never retried); the message names the record and why.
 */
class EventReaderTest {

	private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private final EventReader reader = new EventReader(new ObjectMapper(), this.validation.getValidator());

	@AfterEach
	void close() {
		this.validation.close();
	}

	@Test
	void shouldReadAValidEvent() {
		assertThat(this.reader.read(record("{\"eventId\":\"e-1\",\"schemaVersion\":2,\"extra\":true}"), Sample.class))
			.isEqualTo(new Sample("e-1", 2));
	}

	@Test
	void shouldFindARecordThatIsNotJsonUnprocessable() {
		assertThatThrownBy(() -> this.reader.read(record("not an event"), Sample.class))
			.isInstanceOf(UnprocessableEventException.class)
			.hasMessageStartingWith("record tccmall.test-2@7 (event e-9) is not a Sample: ");
	}

	@Test
	void shouldFindAnInvalidEventUnprocessable() {
		assertThatThrownBy(() -> this.reader.read(record("{\"eventId\":\" \"}"), Sample.class))
			.isInstanceOf(UnprocessableEventException.class)
			.hasMessage("record tccmall.test-2@7 (event e-9) is an invalid Sample: eventId must not be blank,"
					+ " schemaVersion must be greater than 0");
	}

	@Test
	void shouldFindARecordWithoutPayloadUnprocessable() {
		assertThatThrownBy(() -> this.reader.read(record(null), Sample.class))
			.isInstanceOf(UnprocessableEventException.class)
			.hasMessageEndingWith("has no payload");
		assertThatThrownBy(() -> this.reader.read(record("null"), Sample.class))
			.isInstanceOf(UnprocessableEventException.class)
			.hasMessageEndingWith("is JSON null");
	}

	private static ConsumerRecord<String, String> record(String value) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("tccmall.test", 2, 7, "key", value);
		record.headers().add(OutboxRelay.EVENT_ID_HEADER, "e-9".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Sample(@NotBlank String eventId, @Positive int schemaVersion) {
	}

}
