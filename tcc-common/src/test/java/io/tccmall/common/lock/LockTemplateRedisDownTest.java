package io.tccmall.common.lock;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

/**
 * Redis out of reach does not stop a guarded section (issue 20, finding 7): the lock only
 * cuts contention, the database guards. The section runs once without it, and a lock that
 * cannot be freed does not turn the section's answer into an error.
 */
class LockTemplateRedisDownTest {

	private final RedissonClient redisson = mock(RedissonClient.class);

	private final RLock lock = mock(RLock.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final LockTemplate locks = new LockTemplate(this.redisson, Duration.ofSeconds(2), this.meters);

	@Test
	void shouldRunTheSectionWithoutTheLockWhenRedisCannotBeReached() throws Exception {
		given(this.redisson.getLock(anyString())).willReturn(this.lock);
		given(this.lock.tryLock(anyLong(), eq(TimeUnit.MILLISECONDS)))
			.willThrow(new RedisConnectionException("Unable to connect to Redis server"));

		assertThat(this.locks.withLock("order:1", () -> "paid")).isEqualTo("paid");
		assertThat(this.meters.counter("tccmall.lock.unavailable").count()).isEqualTo(1);
	}

	@Test
	void shouldKeepTheSectionsAnswerWhenTheLockCannotBeFreed() throws Exception {
		given(this.redisson.getLock(anyString())).willReturn(this.lock);
		given(this.lock.tryLock(anyLong(), eq(TimeUnit.MILLISECONDS))).willReturn(true);
		willThrow(new RedisTimeoutException("Command execution timeout")).given(this.lock).unlock();

		assertThat(this.locks.withLock("order:1", () -> "cancelled")).isEqualTo("cancelled");
	}

}
