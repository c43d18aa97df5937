package io.tccmall.order.summary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tccmall.common.id.Ids;
import io.tccmall.order.SeataTcTest;
import io.tccmall.order.api.OrderEvents;
import io.tccmall.order.api.OrderLifecycleEvent;
import io.tccmall.order.api.OrderPaid;
import io.tccmall.order.api.OrderPlaced;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The summary applies a poll's events in one transaction, counts each event id once, and
 * when an event of the batch fails keeps the events before it and names it to the error
 * handler, which retries from it.
 */
@SeataTcTest
class OrderSummaryBatchIT {

	@Autowired
	OrderSummaryProjection projection;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	private final String user = "batch-" + UUID.randomUUID();

	private long offset;

	@Test
	void shouldCountAnEventDeliveredTwiceInOneBatchOnce() throws Exception {
		OrderPlaced placed = placed("O-1", 1_000);
		OrderPaid paid = new OrderPaid(Ids.next(), 1, Instant.now(), "O-1", this.user, "P-1", 1_000);

		this.projection.on(List.of(record(placed), record(placed), record(paid), record(paid)));

		assertThat(summary()).containsEntry("orders_placed", 1L)
			.containsEntry("orders_paid", 1L)
			.containsEntry("paid_cents", 1_000L);
	}

	@Test
	void shouldKeepTheEventsBeforeOneThatFailsAndNameIt() throws Exception {
		ConsumerRecord<String, String> first = record(placed("O-1", 500));
		ConsumerRecord<String, String> broken = new ConsumerRecord<>(OrderEvents.TOPIC, 0, this.offset++, "O-2",
				"{\"type\":\"OrderPlaced\",");
		ConsumerRecord<String, String> after = record(placed("O-3", 700));

		assertThatThrownBy(() -> this.projection.on(List.of(first, broken, after))).isInstanceOfSatisfying(
				BatchListenerFailedException.class, failed -> assertThat(failed.getRecord()).isSameAs(broken));
		assertThat(summary()).containsEntry("orders_placed", 1L);

		// the error handler delivers the rest again once it has dealt with the broken one
		this.projection.on(List.of(after));
		assertThat(summary()).containsEntry("orders_placed", 2L);
	}

	private OrderPlaced placed(String orderNo, long cents) {
		return new OrderPlaced(Ids.next(), OrderPlaced.SCHEMA_VERSION, Instant.now(), orderNo, this.user, cents, 0,
				cents, null, Instant.now().plusSeconds(900), List.of(new OrderPlaced.Line("SKU-1", 1, cents)));
	}

	private ConsumerRecord<String, String> record(OrderLifecycleEvent event) throws Exception {
		return new ConsumerRecord<>(OrderEvents.TOPIC, 0, this.offset++, event.orderNo(),
				this.json.writeValueAsString(event));
	}

	private Map<String, Object> summary() {
		return this.jdbc.queryForMap(
				"SELECT orders_placed, orders_paid, paid_cents FROM user_order_summary WHERE user_id = ?", this.user);
	}

}
