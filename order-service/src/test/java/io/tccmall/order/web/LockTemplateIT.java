package io.tccmall.order.web;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tccmall.common.lock.LockTemplate;
import io.tccmall.common.web.BusinessException;
import io.tccmall.order.SeataTcTest;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tcc-common's Redisson lock template against the real Redis. */
@SeataTcTest
class LockTemplateIT {

	@Autowired
	LockTemplate locks;

	@Autowired
	RedissonClient redisson;

	private final String key = "it-" + UUID.randomUUID();

	@Test
	void shouldRunTheSectionAndFreeTheLock() {
		assertThat(this.locks.withLock(this.key, () -> "done")).isEqualTo("done");

		assertThat(this.redisson.getLock("tccmall:lock:" + this.key).isLocked()).isFalse();
	}

	@Test
	void shouldAnswerEvenWhenTheLockWasLostDuringTheSection() {
		String answer = this.locks.withLock(this.key, () -> {
			this.redisson.getLock("tccmall:lock:" + this.key).forceUnlock();
			return "done";
		});

		assertThat(answer).isEqualTo("done");
	}

	@Test
	void shouldRefuseWhileAnotherThreadHoldsTheLock() throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> this.locks.withLock(this.key, () -> {
			held.countDown();
			await(release);
			return "first";
		}));
		assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

		assertThatThrownBy(() -> this.locks.withLock(this.key, Duration.ofMillis(200), () -> "second"))
			.isInstanceOfSatisfying(BusinessException.class,
					ex -> assertThat(ex.code()).isEqualTo("REQUEST_IN_PROGRESS"));

		release.countDown();
		assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(this.locks.withLock(this.key, () -> "third")).isEqualTo("third");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
