package io.tccmall.common.events;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tccmall.common.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;

/**
 * What the consumer error policy reports, per consumer group and topic: every failed
 * delivery of a record ({@code tccmall.events.delivery.failures}; a record that keeps
 * failing holds up its partition, so a steady rate is a consumer that is stuck) and every
 * record sent to a dead-letter topic ({@code tccmall.events.dead.lettered}). Each is
 * logged with the event id.
 */
public class EventConsumerMetrics implements RetryListener {

	static final String FAILURES = "tccmall.events.delivery.failures";

	static final String DEAD_LETTERED = "tccmall.events.dead.lettered";

	private static final Logger log = LoggerFactory.getLogger(EventConsumerMetrics.class);

	private final MeterRegistry meters;

	public EventConsumerMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/** The container's meters at zero, so that they exist before the first failure. */
	void register(MessageListenerContainer container) {
		String[] topics = container.getContainerProperties().getTopics();
		if (topics == null) {
			return;
		}
		for (String topic : topics) {
			failures(topic, container.getGroupId());
			deadLettered(topic, container.getGroupId());
		}
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		String group = groupOf(ex);
		failures(record.topic(), group).increment();
		// the whole stack once per failing record (and again when the cause changes),
		// then one line per delivery
		log.warn("{} failed in consumer group {} (delivery {}): {}", describe(record), group, deliveryAttempt,
				listenerException(ex), (deliveryAttempt == 1) ? ex : null);
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
		String group = groupOf(ex);
		deadLettered(record.topic(), group).increment();
		log.error(
				"{} can never be processed by consumer group {} ({}): it is in {}, waiting to be re-driven"
						+ " (./tccmall events list)",
				describe(record), group, listenerException(ex), DeadLetters.topicFor(record.topic()));
	}

	@Override
	public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
		log.error("{} could not be sent to {} ({}): it stays in its partition and is tried again", describe(record),
				DeadLetters.topicFor(record.topic()), failure.toString());
	}

	private Counter failures(String topic, String group) {
		return Counter.builder(FAILURES)
			.description("Failed deliveries of an event to a consumer (retried unless it can never be processed)")
			.tag("topic", topic)
			.tag("group", (group != null) ? group : "none")
			.register(this.meters);
	}

	private Counter deadLettered(String topic, String group) {
		return Counter.builder(DEAD_LETTERED)
			.description("Events a consumer can never process, sent to the topic's dead-letter topic")
			.tag("topic", topic)
			.tag("group", (group != null) ? group : "none")
			.register(this.meters);
	}

	private static String groupOf(Exception ex) {
		return (ex instanceof ListenerExecutionFailedException failed) ? failed.getGroupId() : null;
	}

	/**
	 * The listener's own exception, without the container's wrapper and a batch
	 * listener's {@link BatchListenerFailedException}.
	 */
	static Exception listenerException(Exception ex) {
		Exception reason = ex;
		while ((reason instanceof ListenerExecutionFailedException || reason instanceof BatchListenerFailedException)
				&& reason.getCause() instanceof Exception cause) {
			reason = cause;
		}
		return reason;
	}

	private static String describe(ConsumerRecord<?, ?> record) {
		Header eventId = record.headers().lastHeader(OutboxRelay.EVENT_ID_HEADER);
		return "event " + ((eventId != null) ? new String(eventId.value(), StandardCharsets.UTF_8) + " " : "") + "("
				+ KafkaUtils.format(record) + ")";
	}

}
