package io.tccmall.common.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer error policy's settings ({@code tccmall.events.*}).
 *
 * @param retry how a record that failed for a transient reason is retried
 */
@ConfigurationProperties("tccmall.events")
public record EventConsumerProperties(@DefaultValue Retry retry) {

	/**
	 * The back-off between deliveries of a failing record: {@code initialInterval},
	 * multiplied by {@code multiplier} after each failure, never more than
	 * {@code maxInterval}, and never giving up. Keep {@code maxInterval} well below the
	 * consumer's {@code max.poll.interval.ms} (5 min): the consumer thread sleeps it.
	 *
	 * @param initialInterval the wait after the first failure
	 * @param multiplier the factor applied after each further failure
	 * @param maxInterval the longest wait between two deliveries
	 */
	public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("2") double multiplier,
			@DefaultValue("60s") Duration maxInterval) {

		public Retry {
			if (initialInterval.isNegative() || initialInterval.isZero()) {
				throw new IllegalArgumentException("tccmall.events.retry.initial-interval must be positive");
			}
			if (multiplier < 1) {
				throw new IllegalArgumentException("tccmall.events.retry.multiplier must be at least 1");
			}
			if (maxInterval.compareTo(initialInterval) < 0) {
				throw new IllegalArgumentException(
						"tccmall.events.retry.max-interval must be at least tccmall.events.retry.initial-interval");
			}
		}

		/** Capped exponential, without a limit on attempts or elapsed time. */
		public BackOff backOff() {
			ExponentialBackOff backOff = new ExponentialBackOff(this.initialInterval.toMillis(), this.multiplier);
			backOff.setMaxInterval(this.maxInterval.toMillis());
			// never give up: a record that can never be processed is classified as such
			// and dead-lettered; any other failure is waited out
			backOff.setMaxElapsedTime(Long.MAX_VALUE);
			backOff.setMaxAttempts(Integer.MAX_VALUE);
			return backOff;
		}

	}

}
