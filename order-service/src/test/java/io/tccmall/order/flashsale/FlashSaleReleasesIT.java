package io.tccmall.order.flashsale;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tccmall.common.id.Ids;
import io.tccmall.common.outbox.Outbox;
import io.tccmall.common.testsupport.DatabaseFault;
import io.tccmall.order.SeataTcTest;
import io.tccmall.order.api.OrderCancelled;
import io.tccmall.order.api.OrderEvents;
import io.tccmall.order.flashsale.FlashSaleGate.Admission.Outcome;
import io.tccmall.order.flashsale.FlashSaleGate.SaleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unit of a cancelled flash-sale order goes back to the sale in Redis even when the
 * ticket's release fails for longer than the old consumer policy retried (300 times, then
 * the event was skipped and the unit never came back), and it goes back once.
 */
@SeataTcTest
class FlashSaleReleasesIT {

	@Autowired
	FlashTickets tickets;

	@Autowired
	FlashSaleGate gate;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	private final String sale = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

	private final String ticket = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

	@AfterEach
	void cleanUp() {
		this.gate.forget(this.sale);
		DatabaseFault.removeAll(this.jdbc);
	}

	@Test
	void shouldGiveTheUnitBackOnceWhenTheReleaseFailsLongerThanTheOldPolicyRetried() {
		String orderNo = Ids.next();
		this.tickets.insertQueued(this.ticket, this.sale, "ann", "k1");
		this.tickets.ordered(this.ticket, orderNo);
		this.gate.load(new SaleState(this.sale, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), 5, 0,
				Map.of("ann", 1L), Map.of("ann:k1", this.ticket)));
		assertThat(this.gate.admit(this.sale, "bob", "k1", "T-b1").outcome()).isEqualTo(Outcome.SOLD_OUT);
		double failures = failures();

		try (DatabaseFault fault = DatabaseFault.failUpdatesUntilRemoved(this.jdbc, "release_down", "flash_ticket",
				"NEW.ticket_id = '" + this.ticket + "' AND NEW.status = 'RELEASED'")) {
			OrderCancelled cancelled = new OrderCancelled(Ids.next(), OrderCancelled.SCHEMA_VERSION, Instant.now(),
					orderNo, "ann", OrderCancelled.Reason.TIMEOUT);
			this.transactions.executeWithoutResult(
					status -> this.outbox.append(OrderEvents.TOPIC, orderNo, cancelled.eventId(), cancelled));

			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(200))
				.alias("more deliveries of the failing event than the old policy's 300 retries")
				.until(() -> failures() - failures > 350);
			assertThat(this.tickets.find(this.ticket).status()).isEqualTo("ORDERED");
			assertThat(this.gate.admit(this.sale, "bob", "k2", "T-b2").outcome()).isEqualTo(Outcome.SOLD_OUT);
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.tickets.find(this.ticket).status()).isEqualTo("RELEASED"));
		assertThat(this.gate.admit(this.sale, "bob", "k3", "T-b3").outcome()).isEqualTo(Outcome.ADMITTED);
		assertThat(this.gate.admit(this.sale, "cid", "k1", "T-c1").outcome()).isEqualTo(Outcome.SOLD_OUT);
	}

	private double failures() {
		Counter counter = this.meters.find("tccmall.events.delivery.failures")
			.tag("topic", OrderEvents.TOPIC)
			.tag("group", "flash-sale-releases")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
