package io.tccmall.order.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tccmall.common.id.Ids;
import io.tccmall.common.outbox.Outbox;
import io.tccmall.common.outbox.OutboxRelay;
import io.tccmall.order.SeataTcTest;
import io.tccmall.order.api.OrderCancelled;
import io.tccmall.order.api.OrderEvents;
import io.tccmall.order.api.OrderLifecycleEvent;
import io.tccmall.order.api.OrderPaid;
import io.tccmall.order.api.OrderPlaced;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox, its relay and the order-summary consumer against the real database and an
 * embedded Kafka broker. The topic has one partition here, so the relay's id order is the
 * order on the topic (in production it holds per order number).
 */
@SeataTcTest
class OrderEventsIT {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EmbeddedKafkaBroker broker;

	private final String user = "events-" + UUID.randomUUID();

	@Test
	void shouldPublishTheEventsOfAnOrderInOrderAndCountEachOnceInTheSummary() {
		String first = Ids.next();
		String second = Ids.next();
		this.transactions.executeWithoutResult(status -> {
			append(placed(first, 1_000));
			append(new OrderPaid(Ids.next(), 1, Instant.now(), first, this.user, "P-" + first, 1_000));
			append(placed(second, 700));
			append(new OrderCancelled(Ids.next(), 1, Instant.now(), second, this.user, OrderCancelled.Reason.TIMEOUT));
		});

		List<ConsumerRecord<String, String>> records = readAll(first, second, 4);
		assertThat(records).extracting(r -> r.key() + ":" + header(r, OutboxRelay.EVENT_TYPE_HEADER))
			.containsExactly(first + ":OrderPlaced", first + ":OrderPaid", second + ":OrderPlaced",
					second + ":OrderCancelled");
		assertThat(records.get(1).value()).contains("\"type\":\"OrderPaid\"", "\"schemaVersion\":1",
				"\"paidCents\":1000");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(summary()).containsEntry("orders_placed", 2L)
				.containsEntry("orders_paid", 1L)
				.containsEntry("orders_timed_out", 1L)
				.containsEntry("orders_cancelled", 0L)
				.containsEntry("paid_cents", 1_000L));

		// the relay publishes the same events again (it died before marking them): the
		// consumer skips them; a later event shows it read past them
		this.jdbc.update("UPDATE outbox_event SET published_at = NULL WHERE event_key IN (?, ?)", first, second);
		this.transactions.executeWithoutResult(status -> append(placed(Ids.next(), 300)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(summary()).containsEntry("orders_placed", 3L));
		assertThat(summary()).containsEntry("orders_paid", 1L)
			.containsEntry("orders_timed_out", 1L)
			.containsEntry("paid_cents", 1_000L);
	}

	@Test
	void shouldSkipARoundWhileAnotherInstanceIsRelaying() throws Exception {
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		Thread otherInstance = new Thread(() -> this.transactions.executeWithoutResult(status -> {
			this.jdbc.queryForList("SELECT name FROM outbox_relay FOR UPDATE", String.class);
			locked.countDown();
			awaitLatch(done);
		}));
		otherInstance.start();
		try {
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			String order = Ids.next();
			this.transactions.executeWithoutResult(status -> append(placed(order, 100)));

			assertThat(this.relay.relayBatch()).isZero();
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM outbox_event WHERE event_key = ? AND published_at IS NULL", Long.class,
					order))
				.isEqualTo(1);
		}
		finally {
			done.countDown();
			otherInstance.join();
		}
	}

	@Test
	void shouldRefuseAnEventOutsideTheTransactionOfItsChange() {
		assertThatThrownBy(() -> append(placed(Ids.next(), 100))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("transaction");
	}

	private OrderPlaced placed(String orderNo, long cents) {
		return new OrderPlaced(Ids.next(), OrderPlaced.SCHEMA_VERSION, Instant.now(), orderNo, this.user, cents, 0,
				cents, null, Instant.now().plusSeconds(900), List.of(new OrderPlaced.Line("SKU-1", 1, cents)));
	}

	private void append(OrderLifecycleEvent event) {
		this.outbox.append(OrderEvents.TOPIC, event.orderNo(), event.eventId(), event);
	}

	private Map<String, Object> summary() {
		return this.jdbc.queryForMap("SELECT orders_placed, orders_paid, orders_cancelled, orders_timed_out,"
				+ " paid_cents FROM user_order_summary WHERE user_id = ?", this.user);
	}

	private List<ConsumerRecord<String, String>> readAll(String first, String second, int expected) {
		Map<String, Object> props = KafkaTestUtils.consumerProps("test-" + UUID.randomUUID(), "false", this.broker);
		props.put("auto.offset.reset", "earliest");
		List<ConsumerRecord<String, String>> mine = new ArrayList<>();
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of(OrderEvents.TOPIC));
			long deadline = System.currentTimeMillis() + 20_000;
			while (mine.size() < expected && System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.key().equals(first) || record.key().equals(second)) {
						mine.add(record);
					}
				}
			}
		}
		return mine;
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value());
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
