package io.tccmall.order.summary;

import java.util.List;

import io.tccmall.common.events.EventReader;
import io.tccmall.common.outbox.EventBatch;
import io.tccmall.order.api.OrderCancelled;
import io.tccmall.order.api.OrderEvents;
import io.tccmall.order.api.OrderLifecycleEvent;
import io.tccmall.order.api.OrderPaid;
import io.tccmall.order.api.OrderPlaced;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each shopper's order summary from the order events. The event id goes into
 * {@code processed_event} in the same transaction as the counters, so an event delivered
 * twice (the relay and Kafka deliver at least once) counts once. A poll's events are
 * applied in one transaction; when it fails, they are applied again one transaction each,
 * so that the events before the one at fault stay applied while the error handler retries
 * from it.
 */
@Component
class OrderSummaryProjection {

	static final String CONSUMER = "order-summary";

	private static final Logger log = LoggerFactory.getLogger(OrderSummaryProjection.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final EventReader events;

	OrderSummaryProjection(JdbcTemplate jdbc, TransactionTemplate transactions, EventReader events) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
	}

	@KafkaListener(topics = OrderEvents.TOPIC, groupId = CONSUMER, batch = "true")
	public void on(List<ConsumerRecord<String, String>> records) {
		try {
			this.transactions.executeWithoutResult(status -> EventBatch.forEach(records, this::applyRecord));
		}
		catch (RuntimeException batchFailed) {
			log.warn("a batch of {} events was rolled back ({}): applying them one at a time", records.size(),
					batchFailed.toString());
			EventBatch.forEach(records,
					record -> this.transactions.executeWithoutResult(status -> applyRecord(record)));
		}
	}

	private void applyRecord(ConsumerRecord<String, String> record) {
		apply(this.events.read(record, OrderLifecycleEvent.class));
	}

	/** Applies an event once; false when it was applied before. */
	boolean apply(OrderLifecycleEvent event) {
		try {
			this.jdbc.update("INSERT INTO processed_event (consumer, event_id) VALUES (?, ?)", CONSUMER,
					event.eventId());
		}
		catch (DuplicateKeyException duplicate) {
			log.debug("event {} of order {} was applied before", event.eventId(), event.orderNo());
			return false;
		}
		String column = column(event);
		long paidCents = (event instanceof OrderPaid paid) ? paid.paidCents() : 0;
		this.jdbc.update(
				"INSERT INTO user_order_summary (user_id, " + column + ", paid_cents) VALUES (?, 1, ?)"
						+ " ON DUPLICATE KEY UPDATE " + column + " = " + column + " + 1, paid_cents = paid_cents + ?",
				event.userId(), paidCents, paidCents);
		return true;
	}

	private static String column(OrderLifecycleEvent event) {
		if (event instanceof OrderPlaced) {
			return "orders_placed";
		}
		if (event instanceof OrderPaid) {
			return "orders_paid";
		}
		return (((OrderCancelled) event).reason() == OrderCancelled.Reason.TIMEOUT) ? "orders_timed_out"
				: "orders_cancelled";
	}

}
