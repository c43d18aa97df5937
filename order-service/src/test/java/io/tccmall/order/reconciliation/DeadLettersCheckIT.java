package io.tccmall.order.reconciliation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.tccmall.common.events.DeadLetterRedrive;
import io.tccmall.common.events.DeadLetters;
import io.tccmall.common.reconciliation.CheckResult;
import io.tccmall.order.SeataTcTest;
import io.tccmall.order.api.FlashSaleTicketQueued;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code events-dead-letters} against the embedded broker: it fails while a dead letter
 * waits, naming the topic and the commands, passes once the letter is re-driven or
 * discarded, and is unknown (a failure) when Kafka cannot be asked.
 */
@SeataTcTest
class DeadLettersCheckIT {

	private static final String DEAD_LETTERS = DeadLetters.topicFor(FlashSaleTicketQueued.TOPIC);

	@Autowired
	DeadLettersCheck check;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	@BeforeEach
	void nothingWaits() {
		DeadLetterRedrive.run(new DeadLetterRedrive.Options(DeadLetterRedrive.Command.DISCARD,
				this.broker.getBrokersAsString(), null, null), System.out);
	}

	@Test
	void shouldFailWhileADeadLetterWaitsAndPassOnceItIsHandled() throws Exception {
		assertThat(this.check.check(null).ok()).isTrue();

		ProducerRecord<String, String> letter = new ProducerRecord<>(DEAD_LETTERS, "T-1", "{\"ticketId\":\"T-1\"}");
		letter.headers()
			.add("kafka_dlt-original-topic", FlashSaleTicketQueued.TOPIC.getBytes(StandardCharsets.UTF_8))
			.add("kafka_dlt-original-consumer-group", "flash-sale-orders".getBytes(StandardCharsets.UTF_8));
		this.kafka.send(letter).get();

		CheckResult waiting = this.check.check(null);
		assertThat(waiting.ok()).isFalse();
		assertThat(waiting.name()).isEqualTo("events-dead-letters");
		assertThat(waiting.violations()).containsExactly("1 event(s) in " + DEAD_LETTERS
				+ " could never be processed by a consumer and wait to be re-driven: ./tccmall events list --topic "
				+ DEAD_LETTERS + ", fix the cause, then ./tccmall events redrive --topic " + DEAD_LETTERS);
		assertThat(waiting.details()).extractingByKey("waiting")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry(DEAD_LETTERS, 1L);

		DeadLetterRedrive.run(new DeadLetterRedrive.Options(DeadLetterRedrive.Command.DISCARD,
				this.broker.getBrokersAsString(), FlashSaleTicketQueued.TOPIC, null), System.out);
		assertThat(this.check.check(null).ok()).isTrue();
	}

	@Test
	void shouldBeUnknownWhenKafkaCannotBeAsked() {
		DeadLettersCheck nowhere = new DeadLettersCheck(
				new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1")));

		CheckResult unknown = nowhere.check(null);

		assertThat(unknown.ok()).isFalse();
		assertThat(unknown.details()).containsEntry("unknown", true);
		assertThat(unknown.violations()).singleElement().asString().startsWith("unknown: Kafka cannot be asked");
	}

}
