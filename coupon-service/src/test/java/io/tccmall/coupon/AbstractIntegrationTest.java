package io.tccmall.coupon;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.tccmall.common.web.BusinessException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Integration tests against the real MariaDB (database {@code tccmall_coupon_test},
 * rebuilt from the migrations when the context starts) with Seata disabled: TCC methods
 * are called directly with a hand-made action context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.flyway.clean-disabled=false")
@Import(AbstractIntegrationTest.CleanMigration.class)
public abstract class AbstractIntegrationTest {

	protected static final Instant NOW = Instant.now();

	@Autowired
	protected JdbcTemplate jdbc;

	protected void cleanTables() {
		for (String table : List.of("idempotency_record", "coupon_claim_request", "user_coupon", "coupon_template",
				"tcc_fence_log")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	/** A template claimable now. */
	protected long givenTemplate(long discountCents, long minSpendCents, int totalCount, int perUserLimit) {
		return givenTemplate(discountCents, minSpendCents, totalCount, perUserLimit, NOW.minus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(30)));
	}

	protected long givenTemplate(long discountCents, long minSpendCents, int totalCount, int perUserLimit,
			Instant validFrom, Instant validUntil) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement("""
					INSERT INTO coupon_template (name, discount_cents, min_spend_cents, total_count, claimed_count,
					                             per_user_limit, valid_from, valid_until, created_at)
					VALUES ('test', ?, ?, ?, 0, ?, ?, ?, UTC_TIMESTAMP(3))""", new String[] { "id" });
			statement.setLong(1, discountCents);
			statement.setLong(2, minSpendCents);
			statement.setInt(3, totalCount);
			statement.setInt(4, perUserLimit);
			statement.setTimestamp(5, Timestamp.from(validFrom));
			statement.setTimestamp(6, Timestamp.from(validUntil));
			return statement;
		}, key);
		return key.getKey().longValue();
	}

	/** A user coupon written directly, in any state. */
	protected void givenCoupon(String couponId, String userId, String status, String orderNo, long discountCents,
			long minSpendCents, Instant validUntil) {
		long templateId = givenTemplate(discountCents, minSpendCents, 1_000, 1_000);
		this.jdbc.update("""
				INSERT INTO user_coupon (coupon_id, template_id, user_id, claim_seq, status, order_no, discount_cents,
				                         min_spend_cents, valid_until, created_at, updated_at)
				VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""", couponId, templateId, userId,
				status, orderNo, discountCents, minSpendCents, Timestamp.from(validUntil));
	}

	protected int claimedCount(long templateId) {
		return this.jdbc.queryForObject("SELECT claimed_count FROM coupon_template WHERE id = ?", Integer.class,
				templateId);
	}

	protected int couponCount(long templateId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM user_coupon WHERE template_id = ?", Integer.class,
				templateId);
	}

	/** A concurrent attempt's result: a value, or the code it was refused with. */
	public record Outcome(Object value, String refusal) {

		public boolean succeeded() {
			return this.refusal == null;
		}

	}

	/** Starts all attempts at once and collects their outcomes. */
	protected static List<Outcome> race(int threads, IntFunction<Object> attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Outcome>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int n = i;
				Callable<Outcome> task = () -> {
					start.await();
					try {
						return new Outcome(attempt.apply(n), null);
					}
					catch (BusinessException refused) {
						return new Outcome(null, refused.code());
					}
				};
				futures.add(pool.submit(task));
			}
			start.countDown();
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> future : futures) {
				outcomes.add(future.get(120, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CleanMigration {

		@Bean
		FlywayMigrationStrategy cleanThenMigrate() {
			return flyway -> {
				flyway.clean();
				flyway.migrate();
			};
		}

	}

}
