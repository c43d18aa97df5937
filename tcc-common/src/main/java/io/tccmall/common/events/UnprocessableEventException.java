package io.tccmall.common.events;

/**
 * A record that no number of retries can process: not JSON, not an event this consumer
 * knows, or a payload that fails validation (a poison pill). The consumer error policy
 * sends it to its topic's dead-letter topic at once instead of retrying it; a consumer
 * throws it (or lets {@link EventReader} throw it) only for a fault of the record itself,
 * never for a fault of something it depends on (database, Redis, a participant), which
 * must be retried.
 */
public class UnprocessableEventException extends RuntimeException {

	public UnprocessableEventException(String message) {
		super(message);
	}

	public UnprocessableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
