package io.tccmall.common.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The dead-letter topics: {@code <topic>.DLT} for each topic a service declares, same
 * partitions, kept for ever (a dead letter leaves only by being re-driven or discarded,
 * never by retention). A record waits in one until the re-drive tool
 * ({@link DeadLetterRedrive}) has re-driven or discarded it; the tool's progress is the
 * committed offset of consumer group {@link #REDRIVE_GROUP}, so the records waiting are
 * the end offsets minus those commits. Uses Kafka's client only: the re-drive tool runs
 * without Spring.
 */
public final class DeadLetters {

	public static final String SUFFIX = ".DLT";

	/**
	 * The consumer group whose committed offsets mark what was re-driven or discarded.
	 */
	public static final String REDRIVE_GROUP = "tccmall-events-redrive";

	// the headers Spring Kafka's DeadLetterPublishingRecoverer adds (KafkaHeaders.DLT_*),
	// spelled out for the tool that runs without Spring
	static final String HEADER_PREFIX = "kafka_dlt-";

	static final String ORIGINAL_TOPIC = HEADER_PREFIX + "original-topic";

	static final String ORIGINAL_PARTITION = HEADER_PREFIX + "original-partition";

	static final String ORIGINAL_OFFSET = HEADER_PREFIX + "original-offset";

	static final String ORIGINAL_GROUP = HEADER_PREFIX + "original-consumer-group";

	static final String EXCEPTION_MESSAGE = HEADER_PREFIX + "exception-message";

	/** The outbox relay's event id header ({@code OutboxRelay.EVENT_ID_HEADER}). */
	static final String EVENT_ID = "event-id";

	private DeadLetters() {
	}

	public static String topicFor(String topic) {
		return topic + SUFFIX;
	}

	public static boolean isDeadLetterTopic(String topic) {
		return topic.endsWith(SUFFIX);
	}

	/** The dead-letter topic of a topic: its partitions, no retention. */
	public static NewTopic topicFor(NewTopic topic) {
		return new NewTopic(topicFor(topic.name()), topic.numPartitions(), topic.replicationFactor())
			.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
	}

	/** Every dead-letter topic of the cluster, by name. */
	public static List<String> topics(Admin admin, Duration timeout) {
		return get(admin.listTopics().names(), timeout).stream()
			.filter(DeadLetters::isDeadLetterTopic)
			.sorted()
			.toList();
	}

	/**
	 * How many records of each dead-letter topic wait, i.e. were neither re-driven nor
	 * discarded (records beyond the re-drive group's committed offsets).
	 */
	public static Map<String, Long> waiting(Admin admin, Duration timeout) {
		List<String> topics = topics(admin, timeout);
		Map<String, Long> waiting = new TreeMap<>();
		if (topics.isEmpty()) {
			return waiting;
		}
		List<TopicPartition> partitions = get(admin.describeTopics(topics).allTopicNames(), timeout).values()
			.stream()
			.flatMap(DeadLetters::partitions)
			.toList();
		Map<TopicPartition, ListOffsetsResultInfo> start = get(
				admin.listOffsets(spec(partitions, OffsetSpec.earliest())).all(), timeout);
		Map<TopicPartition, ListOffsetsResultInfo> end = get(
				admin.listOffsets(spec(partitions, OffsetSpec.latest())).all(), timeout);
		Map<TopicPartition, OffsetAndMetadata> redriven = get(
				admin.listConsumerGroupOffsets(REDRIVE_GROUP).partitionsToOffsetAndMetadata(), timeout);
		for (TopicPartition partition : partitions) {
			long from = start.get(partition).offset();
			OffsetAndMetadata committed = redriven.get(partition);
			if (committed != null) {
				from = Math.max(from, committed.offset());
			}
			waiting.merge(partition.topic(), Math.max(0, end.get(partition).offset() - from), Long::sum);
		}
		return waiting;
	}

	private static Stream<TopicPartition> partitions(TopicDescription topic) {
		return topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition()));
	}

	private static Map<TopicPartition, OffsetSpec> spec(List<TopicPartition> partitions, OffsetSpec spec) {
		return partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
	}

	private static <T> T get(KafkaFuture<T> future, Duration timeout) {
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while asking Kafka", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka refused: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer within " + timeout, ex);
		}
	}

}
