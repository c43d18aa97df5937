package io.tccmall.common.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox events to Kafka in id order, at least once.
 * <ul>
 * <li>One relay at a time per database: each round locks the relay's row in
 * {@code outbox_relay} with {@code SKIP LOCKED}, so a second instance skips the round
 * instead of publishing the same batch or overtaking it (events of one order keep their
 * order across instances).</li>
 * <li>A batch is marked published only after Kafka acknowledged every record (acks=all,
 * idempotent producer). If the relay dies between the two, the batch goes out again:
 * consumers deduplicate on the event id.</li>
 * <li>Idle, it runs one indexed query per poll interval; a full batch is followed at once
 * by the next.</li>
 * </ul>
 */
public class OutboxRelay {

	public static final String EVENT_ID_HEADER = "event-id";

	public static final String EVENT_TYPE_HEADER = "event-type";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, String> kafka;

	private final String name;

	private final int batchSize;

	private final Duration sendTimeout;

	private final Duration retention;

	private final Counter published;

	private volatile long pausedUntil;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka, String name,
			int batchSize, Duration sendTimeout, Duration retention, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.name = name;
		this.batchSize = batchSize;
		this.sendTimeout = sendTimeout;
		this.retention = retention;
		this.published = Counter.builder("tccmall.outbox.published")
			.description("Outbox events Kafka acknowledged")
			.register(meters);
		Gauge.builder("tccmall.outbox.lag.seconds", this, OutboxRelay::lagSeconds)
			.description("Age of the oldest event waiting for Kafka")
			.register(meters);
	}

	/** How long the oldest unpublished event has waited; 0 when none waits. */
	double lagSeconds() {
		Double lag = this.jdbc.queryForObject("SELECT COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(created_at), NOW(3)), 0)"
				+ " / 1000000 FROM outbox_event WHERE published_at IS NULL", Double.class);
		return (lag == null) ? 0 : lag;
	}

	void registerRelay() {
		this.jdbc.update("INSERT IGNORE INTO outbox_relay (name) VALUES (?)", this.name);
	}

	@Scheduled(fixedDelayString = "${tccmall.outbox.poll-interval:200ms}")
	void poll() {
		if (System.currentTimeMillis() < this.pausedUntil) {
			return;
		}
		try {
			while (relayBatch() == this.batchSize) {
				// a full batch: more are waiting
			}
		}
		catch (RuntimeException ex) {
			// Kafka or the database is unavailable: nothing was marked, the batch goes
			// out
			// on a later round
			this.pausedUntil = System.currentTimeMillis() + 2_000;
			log.warn("outbox relay {} paused for 2 s: {}", this.name, ex.toString());
		}
	}

	/** Publishes one batch; returns its size, or 0 when another instance is relaying. */
	public int relayBatch() {
		Integer published = this.transactions.execute(status -> {
			List<String> relay = this.jdbc.queryForList(
					"SELECT name FROM outbox_relay WHERE name = ? FOR UPDATE SKIP LOCKED", String.class, this.name);
			if (relay.isEmpty()) {
				return 0;
			}
			List<PendingEvent> batch = this.jdbc.query(
					"SELECT id, event_id, topic, event_key, event_type, payload FROM outbox_event"
							+ " WHERE published_at IS NULL ORDER BY id LIMIT ?",
					(rs, row) -> new PendingEvent(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
							rs.getString("event_key"), rs.getString("event_type"), rs.getString("payload")),
					this.batchSize);
			if (batch.isEmpty()) {
				return 0;
			}
			send(batch);
			this.jdbc.update("UPDATE outbox_event SET published_at = NOW(3) WHERE id IN (" + ids(batch) + ")");
			this.published.increment(batch.size());
			return batch.size();
		});
		return published == null ? 0 : published;
	}

	private void send(List<PendingEvent> batch) {
		List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
		for (PendingEvent event : batch) {
			ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
			record.headers().add(EVENT_ID_HEADER, event.eventId().getBytes(StandardCharsets.UTF_8));
			record.headers().add(EVENT_TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
			acks.add(this.kafka.send(record));
		}
		this.kafka.flush();
		try {
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
				.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while publishing", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not acknowledge the batch: " + ex.getMessage(), ex);
		}
	}

	private static String ids(List<PendingEvent> batch) {
		StringBuilder ids = new StringBuilder();
		for (PendingEvent event : batch) {
			ids.append(ids.isEmpty() ? "" : ",").append(event.id());
		}
		return ids.toString();
	}

	/** Deletes published events older than the retention, in small batches. */
	@Scheduled(fixedDelayString = "${tccmall.outbox.purge-interval:10m}",
			initialDelayString = "${tccmall.outbox.purge-interval:10m}")
	void purgePublished() {
		while (this.jdbc.update("DELETE FROM outbox_event WHERE published_at < NOW(3) - INTERVAL ? SECOND LIMIT 500",
				this.retention.toSeconds()) == 500) {
			// more to purge
		}
	}

	record PendingEvent(long id, String eventId, String topic, String key, String type, String payload) {
	}

}
