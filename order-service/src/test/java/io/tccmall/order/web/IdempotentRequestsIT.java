package io.tccmall.order.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.tccmall.common.idempotency.IdempotencyPurge;
import io.tccmall.common.idempotency.IdempotentRequest;
import io.tccmall.common.idempotency.IdempotentRequests;
import io.tccmall.common.web.BusinessException;
import io.tccmall.order.SeataTcTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The idempotency store against the real database and Redis: what runs once, what is
 * replayed, and what a crashed or concurrent first request leaves behind.
 */
@SeataTcTest
class IdempotentRequestsIT {

	@Autowired
	IdempotentRequests idempotency;

	@Autowired
	IdempotencyPurge purge;

	@Autowired
	JdbcTemplate jdbc;

	private final AtomicInteger runs = new AtomicInteger();

	@BeforeEach
	void emptyRecords() {
		this.jdbc.update("DELETE FROM idempotency_record");
	}

	@Test
	void shouldRunOnceAndReplayTheSameAnswer() {
		ResponseEntity<Object> first = this.idempotency.execute(request("k1", "a"), this::created);
		ResponseEntity<Object> replay = this.idempotency.execute(request("k1", "a"), this::created);

		assertThat(this.runs).hasValue(1);
		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(replay.getStatusCode().value()).isEqualTo(201);
		assertThat(replay.getBody()).isEqualTo(first.getBody()).isEqualTo("{\"run\":1}");
		assertThat(first.getHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("false");
		assertThat(replay.getHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
	}

	@Test
	void shouldRefuseTheSameKeyForADifferentRequest() {
		this.idempotency.execute(request("k2", "a"), this::created);

		assertThatThrownBy(() -> this.idempotency.execute(request("k2", "b"), this::created)).isInstanceOfSatisfying(
				BusinessException.class, ex -> assertThat(ex.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void shouldStoreABusinessRefusalAndReplayItEvenWhenTheWorkWouldNowSucceed() {
		ResponseEntity<Object> refused = this.idempotency.execute(request("k3", "a"), () -> {
			this.runs.incrementAndGet();
			throw BusinessException.conflict("OUT_OF_STOCK", "none left");
		});
		ResponseEntity<Object> replay = this.idempotency.execute(request("k3", "a"), this::created);

		assertThat(this.runs).hasValue(1);
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json;charset=UTF-8");
		assertThat((String) refused.getBody()).contains("\"code\":\"OUT_OF_STOCK\"");
		assertThat(replay.getStatusCode().value()).isEqualTo(409);
		assertThat(replay.getBody()).isEqualTo(refused.getBody());
	}

	@Test
	void shouldGiveTheKeyBackWhenTheWorkFailsWithoutAnAnswer() {
		assertThatThrownBy(() -> this.idempotency.execute(request("k4", "a"), () -> {
			this.runs.incrementAndGet();
			throw new IllegalStateException("participant down");
		})).isInstanceOf(IllegalStateException.class);

		ResponseEntity<Object> retried = this.idempotency.execute(request("k4", "a"), this::created);

		assertThat(this.runs).hasValue(2);
		assertThat(retried.getBody()).isEqualTo("{\"run\":2}");
	}

	@Test
	void shouldRunOnceWhenTheSameKeyArrivesConcurrently() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Future<ResponseEntity<Object>>> answers = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				Callable<ResponseEntity<Object>> call = () -> this.idempotency.execute(request("k5", "a"), () -> {
					sleep(300);
					return created();
				});
				answers.add(pool.submit(call));
			}
			for (Future<ResponseEntity<Object>> answer : answers) {
				assertThat(answer.get().getBody()).isEqualTo("{\"run\":1}");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void shouldRefuseWhileAnotherInstanceHoldsALiveLease() {
		insertInProgress("k6", "a", "NOW(3) + INTERVAL 60 SECOND");

		assertThatThrownBy(() -> this.idempotency.execute(request("k6", "a"), this::created)).isInstanceOfSatisfying(
				BusinessException.class, ex -> assertThat(ex.code()).isEqualTo("REQUEST_IN_PROGRESS"));
		assertThat(this.runs).hasValue(0);
	}

	@Test
	void shouldTakeOverARequestWhoseInstanceDied() {
		insertInProgress("k7", "a", "NOW(3) - INTERVAL 1 SECOND");

		ResponseEntity<Object> answer = this.idempotency.execute(request("k7", "a"), this::created);

		assertThat(this.runs).hasValue(1);
		assertThat(answer.getBody()).isEqualTo("{\"run\":1}");
		assertThat(this.jdbc.queryForObject("SELECT status FROM idempotency_record WHERE idempotency_key = 'k7'",
				String.class))
			.isEqualTo("COMPLETED");
	}

	@Test
	void shouldPurgeOnlyExpiredRecordsInBatches() {
		this.idempotency.execute(request("kept", "a"), this::created);
		for (int i = 0; i < 1_200; i++) {
			this.jdbc.update(
					"INSERT INTO idempotency_record (user_id, operation, idempotency_key, request_hash,"
							+ " status, owner, lease_until, expires_at)"
							+ " VALUES ('alice', 'test', ?, 'h', 'COMPLETED', 'o', NOW(3), NOW(3) - INTERVAL 1 SECOND)",
					"old-" + i);
		}

		assertThat(this.purge.purge()).isEqualTo(1_200);
		assertThat(this.jdbc.queryForList("SELECT idempotency_key FROM idempotency_record", String.class))
			.containsExactly("kept");
		// an expired key is free again
		this.jdbc.update("UPDATE idempotency_record SET expires_at = NOW(3) - INTERVAL 1 SECOND");
		assertThat(this.idempotency.execute(request("kept", "b"), this::created).getBody()).isEqualTo("{\"run\":2}");
	}

	private ResponseEntity<Object> created() {
		return ResponseEntity.status(201).body(Map.of("run", this.runs.incrementAndGet()));
	}

	private void insertInProgress(String key, String body, String leaseUntil) {
		this.jdbc.update("INSERT INTO idempotency_record (user_id, operation, idempotency_key, request_hash, status,"
				+ " owner, lease_until, expires_at) VALUES ('alice', 'test', ?, ?, 'IN_PROGRESS', 'dead-instance', "
				+ leaseUntil + ", NOW(3) + INTERVAL 1 DAY)", key, request(key, body).fingerprint());
	}

	private static IdempotentRequest request(String key, String body) {
		return IdempotentRequest.of("alice", "test", key, body);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
