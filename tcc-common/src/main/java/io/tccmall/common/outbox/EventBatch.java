package io.tccmall.common.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * What a batch listener of the outbox's events needs (a poll's records in one call: no
 * dispatch, observation and transaction per record). A record that fails is reported by a
 * {@link BatchListenerFailedException} naming it, so the container's error handler
 * commits the offsets of the records before it and retries from it with its back-off, as
 * it does for a record listener; the exception's cause decides whether the record is
 * retried or, being unprocessable, dead-lettered (tcc-common's consumer error policy,
 * {@code io.tccmall.common.events}).
 */
public final class EventBatch {

	private EventBatch() {
	}

	/** Applies each record in turn and stops at the first that fails. */
	public static <K, V> void forEach(List<ConsumerRecord<K, V>> records, RecordAction<K, V> action) {
		for (ConsumerRecord<K, V> record : records) {
			try {
				action.apply(record);
			}
			catch (Exception ex) {
				throw new BatchListenerFailedException(
						"event " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed", ex,
						record);
			}
		}
	}

	/**
	 * False only when the record's {@link OutboxRelay#EVENT_TYPE_HEADER} names another
	 * type, so a consumer skips other events without parsing them; a record without the
	 * header is left to its payload.
	 */
	public static boolean mayBe(ConsumerRecord<?, ?> record, Class<?> eventType) {
		Header type = record.headers().lastHeader(OutboxRelay.EVENT_TYPE_HEADER);
		return type == null || eventType.getSimpleName().equals(new String(type.value(), StandardCharsets.UTF_8));
	}

	/** The work on one record. */
	@FunctionalInterface
	public interface RecordAction<K, V> {

		void apply(ConsumerRecord<K, V> record) throws Exception;

	}

}
