package io.tccmall.common.lock;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tccmall.common.web.BusinessException;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a critical section under a Redisson lock with a bounded wait. The lock only cuts
 * contention and wasted work: every guarded section must stay correct without it (guarded
 * updates, unique indexes), because a lease can run out under a GC pause. A lock that
 * stays busy past the wait is a 409 {@code REQUEST_IN_PROGRESS}, not a hang. When Redis
 * cannot be reached the section runs without the lock (counted in
 * {@code tccmall.lock.unavailable}): the database guards alone, so checkouts go on
 * through a Redis outage.
 */
public class LockTemplate {

	private static final Logger log = LoggerFactory.getLogger(LockTemplate.class);

	private final RedissonClient redisson;

	private final Duration defaultWait;

	private final Timer acquiredWait;

	private final Timer busyWait;

	private final Counter unavailable;

	public LockTemplate(RedissonClient redisson, Duration defaultWait, MeterRegistry meters) {
		this.redisson = redisson;
		this.defaultWait = defaultWait;
		this.acquiredWait = waitTimer(meters, "acquired");
		this.busyWait = waitTimer(meters, "busy");
		this.unavailable = Counter.builder("tccmall.lock.unavailable")
			.description("Sections run without their lock because Redis could not be reached")
			.register(meters);
	}

	private static Timer waitTimer(MeterRegistry meters, String outcome) {
		return Timer.builder("tccmall.lock.wait")
			.description("Time spent waiting for a Redisson lock")
			.tag("outcome", outcome)
			.register(meters);
	}

	public <T> T withLock(String key, Supplier<T> section) {
		return withLock(key, this.defaultWait, section);
	}

	public <T> T withLock(String key, Duration wait, Supplier<T> section) {
		RLock lock = this.redisson.getLock("tccmall:lock:" + key);
		boolean acquired;
		long waitStarted = System.nanoTime();
		try {
			// no lease time: Redisson's watchdog renews the lease while this thread is
			// alive
			acquired = lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw busy(key);
		}
		catch (RedisException redisDown) {
			this.unavailable.increment();
			log.warn("lock {} skipped, Redis is unreachable ({}): the database guards alone", key,
					redisDown.toString());
			return section.get();
		}
		(acquired ? this.acquiredWait : this.busyWait).record(System.nanoTime() - waitStarted, TimeUnit.NANOSECONDS);
		if (!acquired) {
			throw busy(key);
		}
		try {
			return section.get();
		}
		finally {
			unlock(lock, key);
		}
	}

	/**
	 * Unlocks without asking Redis first whether the lock is still held (one round trip
	 * less per lock): a lock that is no longer this thread's (its lease ran out, or an
	 * operator freed it) is refused by the unlock script itself.
	 */
	private static void unlock(RLock lock, String key) {
		try {
			lock.unlock();
		}
		catch (IllegalMonitorStateException notHeld) {
			log.warn("lock {} was no longer held when its section ended (lease ran out or freed)", key);
		}
		catch (RedisException redisDown) {
			// the section's outcome stands; the lease runs out by itself
			log.warn("lock {} could not be freed, Redis is unreachable ({})", key, redisDown.toString());
		}
	}

	private static BusinessException busy(String key) {
		return BusinessException.conflict("REQUEST_IN_PROGRESS",
				"Another request is working on the same resource; try again shortly");
	}

}
