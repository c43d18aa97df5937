package io.tccmall.common.events;

import java.util.Map;

import io.tccmall.common.outbox.OutboxRelay;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The re-drive tool runs without Spring, so it spells out the header names Spring Kafka's
 * dead-letter recoverer and the outbox relay write: they must stay the same.
 */
class DeadLettersTest {

	@Test
	void shouldReadTheHeadersTheRecovererAndTheRelayWrite() {
		assertThat(DeadLetters.ORIGINAL_TOPIC).isEqualTo(KafkaHeaders.DLT_ORIGINAL_TOPIC);
		assertThat(DeadLetters.ORIGINAL_PARTITION).isEqualTo(KafkaHeaders.DLT_ORIGINAL_PARTITION);
		assertThat(DeadLetters.ORIGINAL_OFFSET).isEqualTo(KafkaHeaders.DLT_ORIGINAL_OFFSET);
		assertThat(DeadLetters.ORIGINAL_GROUP).isEqualTo(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
		assertThat(DeadLetters.EXCEPTION_MESSAGE).isEqualTo(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		assertThat(KafkaHeaders.DLT_EXCEPTION_STACKTRACE).startsWith(DeadLetters.HEADER_PREFIX);
		assertThat(DeadLetters.EVENT_ID).isEqualTo(OutboxRelay.EVENT_ID_HEADER);
	}

	@Test
	void shouldNameTheDeadLetterTopicOfATopic() {
		assertThat(DeadLetters.topicFor("tccmall.order.events")).isEqualTo("tccmall.order.events.DLT");
		assertThat(DeadLetters.isDeadLetterTopic("tccmall.order.events.DLT")).isTrue();
		assertThat(DeadLetters.isDeadLetterTopic("tccmall.order.events")).isFalse();
		NewTopic deadLetters = DeadLetters.topicFor(new NewTopic("t", 3, (short) 1));
		assertThat(deadLetters.name()).isEqualTo("t.DLT");
		assertThat(deadLetters.numPartitions()).isEqualTo(3);
		assertThat(deadLetters.replicationFactor()).isEqualTo((short) 1);
		assertThat(deadLetters.configs()).isEqualTo(Map.of("retention.ms", "-1"));
	}

	@Test
	void shouldParseTheRedriveCommandLine() {
		assertThat(DeadLetterRedrive.Options.parse("--bootstrap-servers", "k:9092", "redrive", "--topic", "t",
				"--group", "g"))
			.isEqualTo(new DeadLetterRedrive.Options(DeadLetterRedrive.Command.REDRIVE, "k:9092", "t", "g"));
		assertThat(DeadLetterRedrive.Options.parse("list", "--bootstrap-servers", "k:9092"))
			.isEqualTo(new DeadLetterRedrive.Options(DeadLetterRedrive.Command.LIST, "k:9092", null, null));
		assertThatThrownBy(() -> DeadLetterRedrive.Options.parse("redrive"))
			.hasMessageContaining("--bootstrap-servers");
		assertThatThrownBy(() -> DeadLetterRedrive.Options.parse("--bootstrap-servers", "k", "redrive", "--topic"))
			.hasMessage("--topic needs a value");
		assertThatThrownBy(() -> DeadLetterRedrive.Options.parse("--bootstrap-servers", "k", "replay"))
			.hasMessage("unknown argument 'replay'");
	}

}
