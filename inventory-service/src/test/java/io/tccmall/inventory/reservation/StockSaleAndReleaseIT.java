package io.tccmall.inventory.reservation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tccmall.common.testsupport.DatabaseFault;
import io.tccmall.common.web.BusinessException;
import io.tccmall.inventory.InventoryDatabaseSupport;
import io.tccmall.order.api.OrderEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StockSaleAndReleaseIT extends InventoryDatabaseSupport {

	@Autowired
	StockReserveAction reserve;

	@Autowired
	StockSales sales;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	StockReleaseAction release;

	@Autowired
	MeterRegistry meters;

	@AfterEach
	void removeFaults() {
		DatabaseFault.removeAll(this.jdbc);
	}

	@BeforeEach
	void catalogue() {
		product("SKU-A", "Alpha", 1250, 100);
		product("SKU-B", "Bravo", 499, 10);
	}

	/** An order placed and confirmed: 3 of A and 2 of B held. */
	private void heldOrder(String orderNo) {
		this.reserve.prepare(null, orderNo, List.of(new StockItem("SKU-A", 3), new StockItem("SKU-B", 2)), null);
		this.reserve.confirm(context(StockReserveAction.NAME, orderNo));
	}

	@Test
	void shouldMoveFrozenStockToSoldWhenTheHeldOrderIsPaid() {
		heldOrder("O-1");

		assertThat(this.sales.sell("O-1")).isEqualTo(2);

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "SOLD", "SKU-B", "SOLD"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 0, 3, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(8, 0, 2, 0, 10));
		assertStockBalanced();
	}

	@Test
	void shouldSellOnceWhenThePaidEventArrivesTwice() {
		heldOrder("O-1");

		this.sales.sell("O-1");
		assertThat(this.sales.sell("O-1")).isZero();

		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 0, 3, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(8, 0, 2, 0, 10));
	}

	@Test
	void shouldSellAReservationWhoseConfirmIsLateAndLeaveThatConfirmNothingToDo() {
		this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-A", 3), new StockItem("SKU-B", 2)), null);

		assertThat(this.sales.sell("O-1")).isEqualTo(2);
		assertThat(this.reserve.confirm(context(StockReserveAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "SOLD", "SKU-B", "SOLD"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 0, 3, 0, 100));
		assertStockBalanced();
	}

	@Test
	void shouldLeaveReleasedCancelledAndUnknownOrdersAsTheyAre() {
		heldOrder("O-RELEASED");
		this.release.prepare(null, "O-RELEASED");
		this.release.confirm(context(StockReleaseAction.NAME, "O-RELEASED"));
		this.reserve.prepare(null, "O-CANCELLED", List.of(new StockItem("SKU-A", 5)), null);
		this.reserve.cancel(context(StockReserveAction.NAME, "O-CANCELLED"));

		for (String orderNo : List.of("O-RELEASED", "O-CANCELLED", "O-UNKNOWN")) {
			assertThat(this.sales.sell(orderNo)).isZero();
		}

		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(reservations("O-RELEASED")).isEqualTo(Map.of("SKU-A", "RELEASED", "SKU-B", "RELEASED"));
		assertThat(reservations("O-CANCELLED")).isEqualTo(Map.of("SKU-A", "CANCELLED"));
	}

	@Test
	void shouldSellWhenTheOrderPaidEventComesThroughKafka() {
		heldOrder("O-KAFKA");
		String event = """
				{"type":"OrderPaid","eventId":"e-1","schemaVersion":1,"occurredAt":"2026-11-29T04:00:00Z",
				"orderNo":"O-KAFKA","userId":"alice","paymentNo":"P-1","paidCents":4748,"comesLater":true}""";
		double deadLettered = salesMeter("tccmall.events.dead.lettered");

		this.kafka.send(OrderEvents.TOPIC, "O-KAFKA", "not an event");
		this.kafka.send(OrderEvents.TOPIC, "O-KAFKA", event);
		this.kafka.send(OrderEvents.TOPIC, "O-KAFKA", event);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(reservations("O-KAFKA")).isEqualTo(Map.of("SKU-A", "SOLD", "SKU-B", "SOLD")));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 0, 3, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(8, 0, 2, 0, 10));
		// the record that is not an event went to the dead-letter topic, not away
		assertThat(salesMeter("tccmall.events.dead.lettered") - deadLettered).isEqualTo(1);
	}

	/**
	 * The sale's update fails for more deliveries than order-service's old policy (300
	 * retries, then the event was skipped) made; once the database takes it again the
	 * stock is sold exactly once.
	 */
	@Test
	void shouldSellOnceWhenTheSaleFailsLongerThanTheOldPolicyRetriedAndThenSucceeds() {
		heldOrder("O-LATE");
		String event = """
				{"type":"OrderPaid","eventId":"e-late","schemaVersion":1,"occurredAt":"2026-11-29T04:00:00Z",
				"orderNo":"O-LATE","userId":"alice","paymentNo":"P-2","paidCents":4748}""";
		double failures = salesMeter("tccmall.events.delivery.failures");

		try (DatabaseFault fault = DatabaseFault.failUpdatesUntilRemoved(this.jdbc, "sale_down", "stock_reservation",
				"NEW.order_no = 'O-LATE' AND NEW.status = 'SOLD'")) {
			this.kafka.send(OrderEvents.TOPIC, "O-LATE", event);

			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(200))
				.alias("more deliveries of the failing event than the old policy's 300 retries")
				.until(() -> salesMeter("tccmall.events.delivery.failures") - failures > 350);
			assertThat(reservations("O-LATE")).isEqualTo(Map.of("SKU-A", "HELD", "SKU-B", "HELD"));
			assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(reservations("O-LATE")).isEqualTo(Map.of("SKU-A", "SOLD", "SKU-B", "SOLD")));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 0, 3, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(8, 0, 2, 0, 10));
		assertStockBalanced();
	}

	private double salesMeter(String meter) {
		Counter counter = this.meters.find(meter).tag("group", StockSales.CONSUMER).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * Issue 20, finding 2: a cancel whose global transaction rolls back has its branches
	 * cancelled in parallel. The order's branch may be back to AWAITING_PAYMENT, and the
	 * order paid, while the stock release's Cancel is still pending: the OrderPaid event
	 * meets a RELEASING reservation. It must be sold once the release is rolled back,
	 * never dropped.
	 */
	@Test
	void shouldSellAPaidOrderWhoseReleaseIsRolledBackOnlyAfterThePaidEventArrived() {
		heldOrder("O-RACE");
		this.release.prepare(null, "O-RACE");
		String event = """
				{"type":"OrderPaid","eventId":"e-race","schemaVersion":1,"occurredAt":"2026-12-07T04:00:00Z",
				"orderNo":"O-RACE","userId":"alice","paymentNo":"P-9","paidCents":4748}""";

		this.kafka.send(OrderEvents.TOPIC, "O-RACE", event);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(reservations("O-RACE"))
				.isEqualTo(Map.of("SKU-A", "RELEASING", "SKU-B", "RELEASING")));
		assertThatThrownBy(() -> this.sales.sell("O-RACE")).isInstanceOf(StockSales.ReleaseUndecided.class);
		this.release.cancel(context(StockReleaseAction.NAME, "O-RACE"));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(reservations("O-RACE")).isEqualTo(Map.of("SKU-A", "SOLD", "SKU-B", "SOLD")));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 0, 3, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(8, 0, 2, 0, 10));
		assertStockBalanced();
	}

	@Test
	void shouldGiveTheStockBackOnceWhenReleaseConfirmRunsTwice() {
		heldOrder("O-1");

		assertThat(this.release.prepare(null, "O-1")).isTrue();
		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "RELEASING", "SKU-B", "RELEASING"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));

		assertThat(this.release.confirm(context(StockReleaseAction.NAME, "O-1"))).isTrue();
		assertThat(this.release.confirm(context(StockReleaseAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "RELEASED", "SKU-B", "RELEASED"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(10, 0, 0, 0, 10));
		assertStockBalanced();
	}

	@Test
	void shouldKeepTheStockHeldWhenTheReleaseIsCancelled() {
		heldOrder("O-1");
		this.release.prepare(null, "O-1");

		assertThat(this.release.cancel(context(StockReleaseAction.NAME, "O-1"))).isTrue();
		assertThat(this.release.cancel(context(StockReleaseAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "HELD", "SKU-B", "HELD"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));
	}

	@Test
	void shouldTreatReleaseOfAnAlreadyReleasedCancelledOrUnknownOrderAsANoOp() {
		heldOrder("O-RELEASED");
		this.release.prepare(null, "O-RELEASED");
		this.release.confirm(context(StockReleaseAction.NAME, "O-RELEASED"));
		this.reserve.prepare(null, "O-CANCELLED", List.of(new StockItem("SKU-A", 5)), null);
		this.reserve.cancel(context(StockReserveAction.NAME, "O-CANCELLED"));

		for (String orderNo : List.of("O-RELEASED", "O-CANCELLED", "O-UNKNOWN")) {
			assertThat(this.release.prepare(null, orderNo)).isTrue();
			assertThat(this.release.confirm(context(StockReleaseAction.NAME, orderNo))).isTrue();
		}

		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(10, 0, 0, 0, 10));
		assertThat(reservations("O-RELEASED")).isEqualTo(Map.of("SKU-A", "RELEASED", "SKU-B", "RELEASED"));
		assertThat(reservations("O-CANCELLED")).isEqualTo(Map.of("SKU-A", "CANCELLED"));
	}

	@Test
	void shouldRefuseToReleaseStockThatIsSoldOrStillInFlight() {
		heldOrder("O-SOLD");
		this.sales.sell("O-SOLD");
		heldOrder("O-RELEASING");
		this.release.prepare(null, "O-RELEASING");
		this.reserve.prepare(null, "O-TRYING", List.of(new StockItem("SKU-A", 1)), null);
		Stock before = stock("SKU-A");

		for (String orderNo : List.of("O-SOLD", "O-RELEASING", "O-TRYING")) {
			assertThatThrownBy(() -> this.release.prepare(null, orderNo)).isInstanceOfSatisfying(
					BusinessException.class, ex -> assertThat(ex.code()).isEqualTo("ILLEGAL_RESERVATION_STATE"));
		}

		assertThat(stock("SKU-A")).isEqualTo(before);
		assertThat(reservations("O-RELEASING")).isEqualTo(Map.of("SKU-A", "RELEASING", "SKU-B", "RELEASING"));
	}

	@Test
	void shouldTreatPhaseTwoOfOrdersNeverTriedAsNoOps() {
		heldOrder("O-1");

		assertThat(this.release.confirm(context(StockReleaseAction.NAME, "O-NEVER"))).isTrue();
		assertThat(this.release.cancel(context(StockReleaseAction.NAME, "O-NEVER"))).isTrue();
		// phase two of a release that never started must not touch the held order
		assertThat(this.release.confirm(context(StockReleaseAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "HELD", "SKU-B", "HELD"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));
		assertStockBalanced();
	}

}
