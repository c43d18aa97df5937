package io.tccmall.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tccmall.order.api.OrderEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order and payment events from the outbox to the stack's real Kafka broker: in order per
 * order, through a broker restart, and counted once by the order-summary consumer however
 * often they are delivered.
 */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
class EventsIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldPublishTheEventsOfEachOrderInTheOrderTheyHappened() {
		String sku = Shop.product("journal", 800, 10);
		String user = Shop.fundedUser("reader", 10_000);
		String paid = Shop.placeOrder(user, List.of(line(sku, 1)), null).text("orderNo");
		assertThat(Api.as(user).post("/api/orders/" + paid + "/payment", Map.of(), "new").status()).isEqualTo(200);
		String cancelled = Shop.placeOrder(user, List.of(line(sku, 2)), null).text("orderNo");
		assertThat(Api.as(user).post("/api/orders/" + cancelled + "/cancellation", Map.of(), "new").status())
			.isEqualTo(200);

		List<ConsumerRecord<String, String>> records = Events.read(OrderEvents.TOPIC, Set.of(paid, cancelled), 4,
				Duration.ofSeconds(30));

		assertThat(records.stream().filter(r -> r.key().equals(paid)).map(Events::type)).containsExactly("OrderPlaced",
				"OrderPaid");
		assertThat(records.stream().filter(r -> r.key().equals(cancelled)).map(Events::type))
			.containsExactly("OrderPlaced", "OrderCancelled");
		assertThat(records).filteredOn(r -> Events.type(r).equals("OrderCancelled"))
			.singleElement()
			.satisfies(
					r -> assertThat(r.value()).contains("\"reason\":\"USER\"", "\"schemaVersion\":1", "\"eventId\""));
		assertThat(Events.read("tccmall.payment.events", Set.of(paid), 1, Duration.ofSeconds(30)))
			.extracting(Events::type)
			.containsExactly("PaymentSucceeded");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(summary(user)).containsEntry("ordersPlaced", 2)
				.containsEntry("ordersPaid", 1)
				.containsEntry("ordersCancelled", 1)
				.containsEntry("paidCents", 800));
	}

	@Test
	void shouldRelayWhatPiledUpWhileKafkaWasDownAndCountARedeliveredEventOnce() {
		String sku = Shop.product("ledger", 500, 10);
		String user = Shop.fundedUser("patient", 10_000);
		String early = Shop.placeOrder(user, List.of(line(sku, 1)), null).text("orderNo");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(summary(user)).containsEntry("ordersPlaced", 1));

		Stack.single("stop", "kafka");
		String during;
		try {
			during = Shop.placeOrder(user, List.of(line(sku, 1)), null).text("orderNo");
			assertThat(Api.as(user).post("/api/orders/" + during + "/payment", Map.of(), "new").status())
				.isEqualTo(200);
			assertThat(Db.number("tccmall_order",
					"SELECT COUNT(*) FROM outbox_event WHERE event_key = ? AND published_at IS NULL", during))
				.as("events wait in the outbox while Kafka is down")
				.isEqualTo(2);
		}
		finally {
			Stack.single("start", "kafka");
		}

		assertThat(Events.read(OrderEvents.TOPIC, Set.of(during), 2, Duration.ofSeconds(60))).extracting(Events::type)
			.containsExactly("OrderPlaced", "OrderPaid");

		// the relay sends the first order's event again, as after a crash before marking
		// it
		Db.update("tccmall_order", "UPDATE outbox_event SET published_at = NULL WHERE event_key = ?", early);
		String later = Shop.placeOrder(user, List.of(line(sku, 1)), null).text("orderNo");
		assertThat(Events.read(OrderEvents.TOPIC, Set.of(early), 2, Duration.ofSeconds(30)))
			.as("the redelivered event is on the topic twice")
			.hasSize(2);
		assertThat(Events.read(OrderEvents.TOPIC, Set.of(later), 1, Duration.ofSeconds(30))).hasSize(1);
		Events.awaitConsumed("order-summary", OrderEvents.TOPIC, Duration.ofSeconds(30));
		assertThat(summary(user)).containsEntry("ordersPlaced", 3).containsEntry("ordersPaid", 1);
	}

	private static Map<String, Object> summary(String user) {
		Api.Response summary = Api.as(user).get("/api/orders/summary");
		assertThat(summary.status()).as("%s", summary).isEqualTo(200);
		return Map.of("ordersPlaced", summary.body().path("ordersPlaced").asInt(), "ordersPaid",
				summary.body().path("ordersPaid").asInt(), "ordersCancelled",
				summary.body().path("ordersCancelled").asInt(), "paidCents", summary.body().path("paidCents").asInt());
	}

}
