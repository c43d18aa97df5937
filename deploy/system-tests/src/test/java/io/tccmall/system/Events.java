package io.tccmall.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads the stack's Kafka topics from the beginning, as a new consumer group would. */
final class Events {

	static final String KAFKA = System.getProperty("tccmall.kafka", "127.0.0.1:9092");

	private Events() {
	}

	/**
	 * The records of the given keys, in the order Kafka delivers them, once at least
	 * {@code expected} arrived (or the timeout passed).
	 */
	static List<ConsumerRecord<String, String>> read(String topic, Set<String> keys, int expected, Duration timeout) {
		Properties props = new Properties();
		props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ConsumerConfig.GROUP_ID_CONFIG,
				"system-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.currentTimeMillis() + timeout.toMillis();
			while (found.size() < expected && System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (keys.contains(record.key())) {
						found.add(record);
					}
				}
			}
		}
		return found;
	}

	/** Waits until a consumer group has committed everything on the topic. */
	static void awaitConsumed(String group, String topic, Duration timeout) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
			Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				admin.describeTopics(List.of(topic))
					.allTopicNames()
					.get()
					.get(topic)
					.partitions()
					.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
				var ends = admin.listOffsets(latest).all().get();
				return ends.entrySet()
					.stream()
					.allMatch(end -> end.getValue().offset() == 0 || (committed.get(end.getKey()) != null
							&& committed.get(end.getKey()).offset() >= end.getValue().offset()));
			});
		}
	}

	static String type(ConsumerRecord<String, String> record) {
		return new String(record.headers().lastHeader("event-type").value());
	}

}
