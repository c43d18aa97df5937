package io.tccmall.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an event into the {@code outbox_event} table of the service's own database, in
 * the local transaction of the state change that causes it: the event exists if and only
 * if the change committed. {@link OutboxRelay} publishes it to Kafka afterwards.
 */
public class Outbox {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	Outbox(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param topic the Kafka topic
	 * @param key the record key (the aggregate id: events of one key stay in order)
	 * @param eventId the event's unique id, which consumers deduplicate on
	 * @param event the payload, written as JSON; its simple class name is its type
	 */
	public void append(String topic, String key, String eventId, Object event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("an outbox event must be written in the transaction of its change");
		}
		this.jdbc.update(
				"INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload) VALUES (?, ?, ?, ?, ?)",
				eventId, topic, key, event.getClass().getSimpleName(), write(event));
	}

	private String write(Object event) {
		try {
			return this.json.writeValueAsString(event);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("cannot write event " + event, ex);
		}
	}

}
