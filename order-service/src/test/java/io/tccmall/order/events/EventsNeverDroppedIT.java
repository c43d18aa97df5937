package io.tccmall.order.events;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tccmall.common.events.DeadLetterRedrive;
import io.tccmall.common.events.DeadLetterRedrive.Command;
import io.tccmall.common.events.DeadLetterRedrive.Outcome;
import io.tccmall.common.events.DeadLetters;
import io.tccmall.common.id.Ids;
import io.tccmall.common.outbox.Outbox;
import io.tccmall.common.outbox.OutboxRelay;
import io.tccmall.common.testsupport.DatabaseFault;
import io.tccmall.order.SeataTcTest;
import io.tccmall.order.api.FlashSaleTicketQueued;
import io.tccmall.order.api.OrderEvents;
import io.tccmall.order.api.OrderLifecycleEvent;
import io.tccmall.order.api.OrderPaid;
import io.tccmall.order.api.OrderPlaced;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer error policy (tcc-common's {@code io.tccmall.common.events}) under the
 * order-summary and flash-sale-releases consumers, against the real database and an
 * embedded Kafka broker; the back-off is 10-20 ms here ({@link SeataTcTest}).
 * <ul>
 * <li>An event whose update fails for longer than the old policy tried (300 retries, then
 * the event was skipped) is applied exactly once when the database takes it again; the
 * event before it in the partition stays applied and committed, the one behind it
 * waits.</li>
 * <li>Records that can never be processed go to {@code tccmall.order.events.DLT}, the
 * records behind them are processed, and a re-drive of a record that is still broken
 * brings it back to the dead-letter topic and changes nothing else.</li>
 * <li>A re-driven dead letter that the consumer can process now is applied exactly once,
 * however often it is re-driven.</li>
 * </ul>
 */
@SeataTcTest
class EventsNeverDroppedIT {

	/** FixedBackOff(1_000, 300): the policy before, which then skipped the event. */
	static final int OLD_POLICY_RETRIES = 300;

	static final String SUMMARY = "order-summary";

	static final String RELEASES = "flash-sale-releases";

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	ObjectMapper json;

	@Autowired
	EmbeddedKafkaBroker broker;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void noDeadLetterWaits() {
		DatabaseFault.removeAll(this.jdbc);
		deadLetters(Command.DISCARD);
	}

	@AfterEach
	void removeFaults() {
		DatabaseFault.removeAll(this.jdbc);
	}

	@Test
	void shouldRetryAnEventLongerThanTheOldPolicyDidAndApplyItExactlyOnceWhenTheDatabaseIsBack() throws Exception {
		String user = "retried-" + this.run;
		String before = "before-" + this.run;
		String behind = "behind-" + this.run;
		String orderNo = Ids.next();
		inTransaction(placed(user, orderNo, 1_000));
		await().atMost(Duration.ofSeconds(20)).until(() -> ordersPlaced(user) == 1);
		double failuresBefore = count("tccmall.events.delivery.failures", SUMMARY);
		double deadLetteredBefore = count("tccmall.events.dead.lettered", SUMMARY);
		OrderPaid paid = new OrderPaid(Ids.next(), OrderPaid.SCHEMA_VERSION, Instant.now(), orderNo, user,
				"P-" + orderNo, 1_000);

		try (DatabaseFault fault = DatabaseFault.failUpdatesUntilRemoved(this.jdbc, "summary_down",
				"user_order_summary", "NEW.user_id = '" + user + "'")) {
			inTransaction(placed(before, Ids.next(), 100), paid, placed(behind, Ids.next(), 200));

			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(200))
				.alias("more deliveries of the failing event than the old policy's 300 retries")
				.until(() -> count("tccmall.events.delivery.failures", SUMMARY) - failuresBefore > OLD_POLICY_RETRIES
						+ 50);

			// still failing: the event before it is applied and committed, the one
			// behind it waits in the partition
			assertThat(summary(user)).containsEntry("orders_paid", 0L);
			assertThat(summary(before)).containsEntry("orders_placed", 1L);
			assertThat(summaryRows(behind)).isZero();
			assertThat(committedOffset(SUMMARY)).isEqualTo(offsetOf(paid.eventId()));
			assertThat(fault.injected()).isGreaterThan(OLD_POLICY_RETRIES);
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(summaryRows(behind)).isEqualTo(1));
		assertThat(summary(user)).containsEntry("orders_placed", 1L)
			.containsEntry("orders_paid", 1L)
			.containsEntry("paid_cents", 1_000L);
		assertThat(processed(paid.eventId())).isEqualTo(1);
		assertThat(count("tccmall.events.dead.lettered", SUMMARY)).isEqualTo(deadLetteredBefore);
		assertThat(waiting()).isZero();
	}

	@Test
	void shouldDeadLetterRecordsThatCanNeverBeProcessedAndProcessTheRecordsBehindThem() throws Exception {
		String first = "first-" + this.run;
		String last = "last-" + this.run;
		double summaryBefore = count("tccmall.events.dead.lettered", SUMMARY);
		double releasesBefore = count("tccmall.events.dead.lettered", RELEASES);
		String brokenId = Ids.next();
		String paidWithoutUser = """
				{"type":"OrderPaid","eventId":"%s","schemaVersion":1,"occurredAt":"2026-12-01T10:00:00Z",
				"orderNo":"O-%s","paymentNo":"P-1","paidCents":100}""".formatted(brokenId, this.run);

		send(placed(first, Ids.next(), 100));
		this.kafka.send(OrderEvents.TOPIC, "O-" + this.run, "not an event").get();
		this.kafka.send(record("O-" + this.run, paidWithoutUser, brokenId, "OrderPaid")).get();
		send(placed(last, Ids.next(), 300));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(summaryRows(first)).isEqualTo(1);
			assertThat(summaryRows(last)).isEqualTo(1);
		});
		// the summary could read neither; flash-sale-releases skipped the OrderPaid by
		// its
		// type header and could not read the other
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(count("tccmall.events.dead.lettered", SUMMARY) - summaryBefore).isEqualTo(2);
			assertThat(count("tccmall.events.dead.lettered", RELEASES) - releasesBefore).isEqualTo(1);
		});
		assertThat(waiting()).isEqualTo(3);
		ByteArrayOutputStream listed = new ByteArrayOutputStream();
		Outcome list = DeadLetterRedrive.run(options(Command.LIST, null), new PrintStream(listed, true, "UTF-8"))
			.get(DeadLetters.topicFor(OrderEvents.TOPIC));
		assertThat(list.waiting()).isEqualTo(3);
		assertThat(listed.toString(StandardCharsets.UTF_8)).contains("consumer group " + SUMMARY,
				"consumer group " + RELEASES, "payload: not an event", "event " + brokenId, "userId must not be blank");
		assertThat(summary(first)).containsEntry("orders_placed", 1L);
		assertThat(DeadLetterRedrive.run(options(Command.LIST, RELEASES), System.out)
			.get(DeadLetters.topicFor(OrderEvents.TOPIC))).isEqualTo(new Outcome(1, 0, 0, 0, 2));

		// re-driven while still broken: back in the dead-letter topic, once per group
		// that cannot read it, and nothing else changes
		Outcome redrive = deadLetters(Command.REDRIVE);
		assertThat(redrive.redriven()).isEqualTo(2);
		assertThat(redrive.duplicates()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(waiting()).isEqualTo(3));
		assertThat(summary(first)).containsEntry("orders_placed", 1L);
		assertThat(summary(last)).containsEntry("orders_placed", 1L);

		assertThat(deadLetters(Command.DISCARD).discarded()).isEqualTo(3);
		assertThat(waiting()).isZero();
	}

	@Test
	void shouldApplyARedrivenEventExactlyOnceWhenItsConsumerCanProcessIt() throws Exception {
		String user = "redriven-" + this.run;
		String orderNo = Ids.next();
		inTransaction(placed(user, orderNo, 2_500));
		await().atMost(Duration.ofSeconds(20)).until(() -> ordersPlaced(user) == 1);
		OrderPaid paid = new OrderPaid(Ids.next(), OrderPaid.SCHEMA_VERSION, Instant.now(), orderNo, user,
				"P-" + orderNo, 2_500);
		// as an earlier version of the summary consumer left it, unable to read it then;
		// twice, as if it had been dead-lettered, re-driven and dead-lettered again
		deadLetter(paid, 41);
		deadLetter(paid, 42);

		Outcome redrive = deadLetters(Command.REDRIVE);

		assertThat(redrive.redriven()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(summary(user)).containsEntry("orders_paid", 1L)
				.containsEntry("paid_cents", 2_500L));
		assertThat(deadLetters(Command.REDRIVE).redriven()).isZero();
		// a later event shows the consumer read past both copies
		inTransaction(placed(user, Ids.next(), 100));
		await().atMost(Duration.ofSeconds(20)).until(() -> ordersPlaced(user) == 2);
		assertThat(summary(user)).containsEntry("orders_paid", 1L).containsEntry("paid_cents", 2_500L);
		assertThat(processed(paid.eventId())).isEqualTo(1);
		assertThat(waiting()).isZero();
	}

	@Test
	void shouldExposeTheMetersOfEveryConsumerFromTheStart() {
		for (String meter : List.of("tccmall.events.delivery.failures", "tccmall.events.dead.lettered")) {
			assertThat(this.meters.find(meter)
				.tag("topic", FlashSaleTicketQueued.TOPIC)
				.tag("group", "flash-sale-orders")
				.counter()).as(meter).isNotNull();
			for (String group : List.of(SUMMARY, RELEASES)) {
				assertThat(this.meters.find(meter).tag("topic", OrderEvents.TOPIC).tag("group", group).counter())
					.as(meter + " " + group)
					.isNotNull();
			}
		}
	}

	private void deadLetter(OrderLifecycleEvent event, long originalOffset) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(DeadLetters.topicFor(OrderEvents.TOPIC), 0,
				event.orderNo(), this.json.writeValueAsString(event));
		record.headers()
			.add(OutboxRelay.EVENT_ID_HEADER, bytes(event.eventId()))
			.add(OutboxRelay.EVENT_TYPE_HEADER, bytes(event.getClass().getSimpleName()))
			.add("kafka_dlt-original-topic", bytes(OrderEvents.TOPIC))
			.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array())
			.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(originalOffset).array())
			.add("kafka_dlt-original-consumer-group", bytes(SUMMARY))
			.add("kafka_dlt-exception-message", bytes("unknown schema version"));
		this.kafka.send(record).get();
	}

	private Outcome deadLetters(Command command) {
		return DeadLetterRedrive.run(options(command, null), System.out)
			.getOrDefault(DeadLetters.topicFor(OrderEvents.TOPIC), new Outcome(0, 0, 0, 0, 0));
	}

	private DeadLetterRedrive.Options options(Command command, String group) {
		return new DeadLetterRedrive.Options(command, this.broker.getBrokersAsString(), OrderEvents.TOPIC, group);
	}

	private long waiting() {
		try (Admin admin = admin()) {
			return DeadLetters.waiting(admin, Duration.ofSeconds(10))
				.getOrDefault(DeadLetters.topicFor(OrderEvents.TOPIC), 0L);
		}
	}

	private long committedOffset(String group) throws Exception {
		try (Admin admin = admin()) {
			OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get()
				.get(new TopicPartition(OrderEvents.TOPIC, 0));
			return (committed != null) ? committed.offset() : -1;
		}
	}

	/** The offset of the event's record on the topic (one partition here). */
	private long offsetOf(String eventId) {
		Map<String, Object> props = KafkaTestUtils.consumerProps("find-" + UUID.randomUUID(), "false", this.broker);
		props.put("auto.offset.reset", "earliest");
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of(OrderEvents.TOPIC));
			long deadline = System.currentTimeMillis() + 20_000;
			while (System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.value() != null && record.value().contains(eventId)) {
						return record.offset();
					}
				}
			}
		}
		throw new AssertionError("event " + eventId + " is not on " + OrderEvents.TOPIC);
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()));
	}

	private double count(String meter, String group) {
		Counter counter = this.meters.find(meter).tag("topic", OrderEvents.TOPIC).tag("group", group).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private void inTransaction(OrderLifecycleEvent... events) {
		this.transactions.executeWithoutResult(status -> {
			for (OrderLifecycleEvent event : events) {
				this.outbox.append(OrderEvents.TOPIC, event.orderNo(), event.eventId(), event);
			}
		});
	}

	private void send(OrderLifecycleEvent event) throws Exception {
		this.kafka
			.send(record(event.orderNo(), this.json.writeValueAsString(event), event.eventId(),
					event.getClass().getSimpleName()))
			.get();
	}

	private static ProducerRecord<String, String> record(String key, String value, String eventId, String type) {
		ProducerRecord<String, String> record = new ProducerRecord<>(OrderEvents.TOPIC, key, value);
		record.headers()
			.add(OutboxRelay.EVENT_ID_HEADER, bytes(eventId))
			.add(OutboxRelay.EVENT_TYPE_HEADER, bytes(type));
		return record;
	}

	private OrderPlaced placed(String user, String orderNo, long cents) {
		return new OrderPlaced(Ids.next(), OrderPlaced.SCHEMA_VERSION, Instant.now(), orderNo, user, cents, 0, cents,
				null, Instant.now().plusSeconds(900), List.of(new OrderPlaced.Line("SKU-1", 1, cents)));
	}

	private Map<String, Object> summary(String user) {
		return this.jdbc.queryForMap(
				"SELECT orders_placed, orders_paid, paid_cents FROM user_order_summary WHERE user_id = ?", user);
	}

	private long ordersPlaced(String user) {
		return this.jdbc
			.queryForList("SELECT orders_placed FROM user_order_summary WHERE user_id = ?", Long.class, user)
			.stream()
			.findFirst()
			.orElse(0L);
	}

	private int summaryRows(String user) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM user_order_summary WHERE user_id = ?", Integer.class,
				user);
	}

	private int processed(String eventId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
				Integer.class, SUMMARY, eventId);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
