package io.tccmall.common.events;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./tccmall events list|redrive|discard [--topic T] [--group G]}: the records
 * waiting in the dead-letter topics ({@link DeadLetters}).
 * <ul>
 * <li>{@code list} prints them (where each came from, the consumer group that could not
 * process it and why) and changes nothing.</li>
 * <li>{@code redrive} publishes each, byte for byte with its own headers (not the
 * dead-letter ones), to its original topic with its key, then marks them re-driven. Every
 * consumer group of that topic reads it again; the consumers are idempotent (event ids in
 * {@code processed_event}, guarded updates), so the groups that had processed it skip it
 * and the one that could not gets it again. A record that still cannot be processed comes
 * back to the dead-letter topic. Copies of one record left by several groups are
 * re-driven once.</li>
 * <li>{@code discard} marks them handled without publishing them (after {@code list}: a
 * record nothing will ever process, e.g. not an event at all).</li>
 * </ul>
 * {@code --topic} picks one topic's dead letters (default: every dead-letter topic);
 * {@code --group} only those of one consumer group. A record is marked only when it and
 * every record before it in its partition were handled, so with {@code --group} the mark
 * stops at the first record of another group: later runs see the rest again (re-driving a
 * record twice is safe). Kafka's client only: runs without Spring ({@code ./tccmall} puts
 * tcc-common's jar and the Kafka broker's jars on the class path).
 */
public final class DeadLetterRedrive {

	static final String USAGE = "usage: DeadLetterRedrive --bootstrap-servers HOST:PORT list|redrive|discard"
			+ " [--topic TOPIC] [--group CONSUMER_GROUP]";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final int PREVIEW = 300;

	private DeadLetterRedrive() {
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		try {
			run(options, System.out);
		}
		catch (RuntimeException ex) {
			System.err.println("error: " + ex.getMessage());
			System.exit(1);
		}
	}

	/** Runs the command; returns what it found and did per dead-letter topic. */
	public static Map<String, Outcome> run(Options options, PrintStream out) {
		Map<String, Tally> tallies = new LinkedHashMap<>();
		try (Admin admin = Admin.create(clientProperties(options));
				Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(options),
						new ByteArrayDeserializer(), new ByteArrayDeserializer());
				Producer<byte[], byte[]> producer = (options.command() == Command.REDRIVE) ? new KafkaProducer<>(
						producerProperties(options), new ByteArraySerializer(), new ByteArraySerializer()) : null) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : deadLetterTopics(admin, options)) {
				tallies.put(topic, new Tally());
				consumer.partitionsFor(topic, TIMEOUT)
					.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
			}
			Map<TopicPartition, Long> handledUpTo = handle(consumer, producer, partitions, options, tallies, out);
			if (options.command() != Command.LIST && !handledUpTo.isEmpty()) {
				Map<TopicPartition, OffsetAndMetadata> marks = new HashMap<>();
				handledUpTo.forEach((partition, offset) -> marks.put(partition, new OffsetAndMetadata(offset)));
				consumer.commitSync(marks, TIMEOUT);
			}
		}
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		tallies.forEach((topic, tally) -> {
			Outcome outcome = tally.outcome();
			outcomes.put(topic, outcome);
			out.println(topic + ": " + outcome.describe(options.command()));
		});
		return outcomes;
	}

	/**
	 * Reads every partition from the re-drive group's mark to its end offset as it was at
	 * the start (records dead-lettered meanwhile are for the next run), acts on each
	 * record and returns how far each partition was handled.
	 */
	private static Map<TopicPartition, Long> handle(Consumer<byte[], byte[]> consumer,
			Producer<byte[], byte[]> producer, List<TopicPartition> partitions, Options options,
			Map<String, Tally> tallies, PrintStream out) {
		consumer.assign(partitions);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
		Map<TopicPartition, OffsetAndMetadata> marked = consumer.committed(new HashSet<>(partitions), TIMEOUT);
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata mark = marked.get(partition);
			if (mark != null) {
				consumer.seek(partition, mark.offset());
			}
			else {
				consumer.seekToBeginning(List.of(partition));
			}
		}
		Map<TopicPartition, Long> handledUpTo = new HashMap<>();
		Set<TopicPartition> passedOver = new HashSet<>();
		Set<String> redriven = new HashSet<>();
		List<Future<RecordMetadata>> sends = new ArrayList<>();
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!atEnd(consumer, partitions, end)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("could not read the dead-letter topics to their end within " + TIMEOUT);
			}
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				TopicPartition partition = new TopicPartition(record.topic(), record.partition());
				if (record.offset() >= end.get(partition)) {
					continue;
				}
				DeadLetter letter = new DeadLetter(record);
				Tally tally = tallies.get(record.topic());
				if (options.group() != null && !options.group().equals(letter.group())) {
					passedOver.add(partition);
					tally.passedOver++;
					continue;
				}
				tally.waiting++;
				switch (options.command()) {
					case LIST -> out.println(letter.describe());
					case REDRIVE -> {
						if (redriven.add(letter.origin())) {
							sends.add(producer.send(letter.toOriginalTopic()));
							tally.redriven++;
						}
						else {
							tally.duplicates++;
						}
					}
					case DISCARD -> tally.discarded++;
				}
				if (!passedOver.contains(partition)) {
					handledUpTo.put(partition, record.offset() + 1);
				}
			}
		}
		if (producer != null) {
			producer.flush();
			for (Future<RecordMetadata> send : sends) {
				await(send);
			}
		}
		return handledUpTo;
	}

	private static boolean atEnd(Consumer<?, ?> consumer, List<TopicPartition> partitions,
			Map<TopicPartition, Long> end) {
		return partitions.stream().allMatch(p -> consumer.position(p, TIMEOUT) >= end.get(p));
	}

	private static List<String> deadLetterTopics(Admin admin, Options options) {
		List<String> all = DeadLetters.topics(admin, TIMEOUT);
		if (options.topic() == null) {
			return all;
		}
		String topic = DeadLetters.isDeadLetterTopic(options.topic()) ? options.topic()
				: DeadLetters.topicFor(options.topic());
		if (!all.contains(topic)) {
			throw new IllegalArgumentException("there is no dead-letter topic " + topic + " (there are: " + all + ")");
		}
		return List.of(topic);
	}

	private static void await(Future<RecordMetadata> send) {
		try {
			send.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted: nothing was marked re-driven; run it again", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(
					"a re-drive failed (" + ex.getCause() + "): nothing was marked re-driven; run it again", ex);
		}
	}

	private static Properties clientProperties(Options options) {
		Properties properties = new Properties();
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
		properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, DeadLetters.REDRIVE_GROUP);
		properties.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		properties.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		return properties;
	}

	private static Properties consumerProperties(Options options) {
		Properties properties = clientProperties(options);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, DeadLetters.REDRIVE_GROUP);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		return properties;
	}

	private static Properties producerProperties(Options options) {
		Properties properties = clientProperties(options);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return properties;
	}

	public enum Command {

		LIST, REDRIVE, DISCARD

	}

	/**
	 * The command line.
	 *
	 * @param command what to do
	 * @param bootstrapServers Kafka
	 * @param topic a topic (or its dead-letter topic), or null for every dead-letter
	 * topic
	 * @param group only the dead letters of this consumer group, or null for all
	 */
	public record Options(Command command, String bootstrapServers, String topic, String group) {

		public static Options parse(String... args) {
			Command command = null;
			String servers = null;
			String topic = null;
			String group = null;
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--bootstrap-servers" -> servers = value(args, ++i);
					case "--topic" -> topic = value(args, ++i);
					case "--group" -> group = value(args, ++i);
					case "list", "redrive", "discard" -> command = Command.valueOf(args[i].toUpperCase());
					default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
				}
			}
			if (command == null || servers == null) {
				throw new IllegalArgumentException("a command and --bootstrap-servers are needed");
			}
			return new Options(command, servers, topic, group);
		}

		private static String value(String[] args, int i) {
			if (i >= args.length || args[i].isBlank() || args[i].startsWith("--")) {
				throw new IllegalArgumentException(args[i - 1] + " needs a value");
			}
			return args[i];
		}

	}

	/**
	 * What one run found in a dead-letter topic.
	 *
	 * @param waiting dead letters of the chosen group(s) that were waiting
	 * @param redriven records published to their original topic
	 * @param duplicates further copies of a re-driven record (left by another group)
	 * @param discarded records marked handled without publishing
	 * @param passedOver dead letters of other consumer groups (with {@code --group})
	 */
	public record Outcome(int waiting, int redriven, int duplicates, int discarded, int passedOver) {

		String describe(Command command) {
			String found = waiting + " dead letter(s) waiting"
					+ ((passedOver > 0) ? " (and " + passedOver + " of other consumer groups, left waiting)" : "");
			return switch (command) {
				case LIST -> found;
				case REDRIVE -> found + "; re-drove " + redriven + " to the original topic"
						+ ((duplicates > 0) ? " (" + duplicates + " further copies of those skipped)" : "");
				case DISCARD -> found + "; discarded " + discarded;
			};
		}

	}

	private static final class Tally {

		int waiting;

		int redriven;

		int duplicates;

		int discarded;

		int passedOver;

		Outcome outcome() {
			return new Outcome(this.waiting, this.redriven, this.duplicates, this.discarded, this.passedOver);
		}

	}

	/** A record of a dead-letter topic and what its headers say about it. */
	private record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

		String originalTopic() {
			String topic = text(DeadLetters.ORIGINAL_TOPIC);
			return (topic != null) ? topic
					: record.topic().substring(0, record.topic().length() - DeadLetters.SUFFIX.length());
		}

		/** Where the record was before it was dead-lettered: the same for every copy. */
		String origin() {
			Header partition = this.record.headers().lastHeader(DeadLetters.ORIGINAL_PARTITION);
			Header offset = this.record.headers().lastHeader(DeadLetters.ORIGINAL_OFFSET);
			if (partition == null || offset == null || partition.value().length != Integer.BYTES
					|| offset.value().length != Long.BYTES) {
				return this.record.topic() + "-" + this.record.partition() + "@" + this.record.offset();
			}
			return originalTopic() + "-" + ByteBuffer.wrap(partition.value()).getInt() + "@"
					+ ByteBuffer.wrap(offset.value()).getLong();
		}

		String group() {
			return text(DeadLetters.ORIGINAL_GROUP);
		}

		ProducerRecord<byte[], byte[]> toOriginalTopic() {
			Headers headers = new RecordHeaders();
			for (Header header : this.record.headers()) {
				if (!header.key().startsWith(DeadLetters.HEADER_PREFIX)) {
					headers.add(header);
				}
			}
			return new ProducerRecord<>(originalTopic(), null, null, this.record.key(), this.record.value(), headers);
		}

		String describe() {
			return "%s-%d@%d from %s, consumer group %s, key %s%s%n    why: %s%n    payload: %s".formatted(
					this.record.topic(), this.record.partition(), this.record.offset(), origin(), group(),
					string(this.record.key()),
					(text(DeadLetters.EVENT_ID) != null) ? ", event " + text(DeadLetters.EVENT_ID) : "",
					preview(text(DeadLetters.EXCEPTION_MESSAGE)), preview(string(this.record.value())));
		}

		private String text(String header) {
			Header value = this.record.headers().lastHeader(header);
			return (value != null) ? string(value.value()) : null;
		}

		private static String string(byte[] bytes) {
			return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
		}

		private static String preview(String text) {
			if (text == null) {
				return "-";
			}
			String line = text.replaceAll("\\s+", " ");
			return (line.length() <= PREVIEW) ? line : line.substring(0, PREVIEW) + "...";
		}

	}

}
