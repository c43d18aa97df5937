package io.tccmall.coupon.checkout;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.coupon.SeataTcTest;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code coupon-lock} through a real Seata TC: the TCC proxy, the action context (coupon
 * id and order number must reach Cancel), the fence and the XID header. The TC is
 * {@code TCCMALL_SEATA_TC} when set, else the one {@link SeataTcTest} starts for the test
 * JVM. This test is the global transaction's TM itself and calls the Try endpoint as
 * order-service would.
 */
@SeataTcTest
class SeataTccWiringIT {

	private static final Duration PHASE_TWO_WAIT = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void givenAvailableCoupon() {
		for (String table : List.of("coupon_claim_request", "user_coupon", "coupon_template", "tcc_fence_log")) {
			this.jdbc.update("DELETE FROM " + table);
		}
		this.jdbc.update("""
				INSERT INTO coupon_template (id, name, discount_cents, min_spend_cents, total_count, claimed_count,
				                             per_user_limit, valid_from, valid_until, created_at)
				VALUES (1, '5 off 50', 500, 5000, 10, 1, 1, UTC_TIMESTAMP(3) - INTERVAL 1 DAY,
				        UTC_TIMESTAMP(3) + INTERVAL 30 DAY, UTC_TIMESTAMP(3))""");
		this.jdbc.update("""
				INSERT INTO user_coupon (coupon_id, template_id, user_id, claim_seq, status, order_no, discount_cents,
				                         min_spend_cents, valid_until, created_at, updated_at)
				VALUES ('C1', 1, 'alice', 1, 'AVAILABLE', NULL, 500, 5000, UTC_TIMESTAMP(3) + INTERVAL 30 DAY,
				        UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""");
	}

	@AfterEach
	void unbind() {
		RootContext.unbind();
	}

	@Test
	void shouldKeepTheCouponLockedWhenThePlacingTransactionCommits() throws Exception {
		String xid = begin();
		lock(xid, "O-1", 6_000).andExpect(status().isOk()).andExpect(jsonPath("$.discountCents").value(500));
		commit(xid);

		await(() -> fence(xid).equals(List.of(2)), "committed fence row of " + xid);
		assertThat(coupon()).containsExactly("LOCKED", "O-1");
	}

	@Test
	void shouldMakeTheCouponAvailableWhenThePlacingTransactionRollsBack() throws Exception {
		String xid = begin();
		lock(xid, "O-1", 6_000).andExpect(status().isOk());
		assertThat(coupon()).containsExactly("LOCKED", "O-1");
		rollback(xid);

		await(() -> fence(xid).equals(List.of(3)), "rolled back fence row of " + xid);
		assertThat(coupon()).containsExactly("AVAILABLE", null);
	}

	@Test
	void shouldRecordAnEmptyRollbackWhenTheTryWasRefused() throws Exception {
		String xid = begin();
		lock(xid, "O-1", 4_999).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("COUPON_NOT_APPLICABLE"));
		rollback(xid);

		await(() -> fence(xid).equals(List.of(4)), "suspended fence row of " + xid);
		assertThat(coupon()).containsExactly("AVAILABLE", null);
	}

	@Test
	void shouldRefuseATryOutsideAGlobalTransaction() throws Exception {
		this.mvc
			.perform(post("/internal/coupons/C1/lock")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "coupon-service"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"userId\":\"alice\",\"orderNo\":\"O-1\",\"orderTotalCents\":6000}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("TRANSACTION_REQUIRED"));
		assertThat(coupon()).containsExactly("AVAILABLE", null);
	}

	private ResultActions lock(String xid, String orderNo, long orderTotalCents) throws Exception {
		return this.mvc.perform(post("/internal/coupons/C1/lock")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "coupon-service"))
			.header(RootContext.KEY_XID, xid)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"userId\":\"alice\",\"orderNo\":\"" + orderNo + "\",\"orderTotalCents\":" + orderTotalCents
					+ "}"));
	}

	private static String begin() throws Exception {
		GlobalTransaction tx = GlobalTransactionContext.getCurrentOrCreate();
		tx.begin(30_000, "coupon-tc-wiring-test");
		return tx.getXid();
	}

	private static void commit(String xid) throws Exception {
		GlobalTransactionContext.reload(xid).commit();
		RootContext.unbind();
	}

	private static void rollback(String xid) throws Exception {
		GlobalTransactionContext.reload(xid).rollback();
		RootContext.unbind();
	}

	/** status and order_no of C1. */
	private List<String> coupon() {
		return this.jdbc.queryForObject("SELECT status, order_no FROM user_coupon WHERE coupon_id = 'C1'",
				(rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2)));
	}

	private List<Integer> fence(String xid) {
		return this.jdbc.queryForList("SELECT status FROM tcc_fence_log WHERE xid = ?", Integer.class, xid);
	}

	/**
	 * Phase two reaches the participant asynchronously, after the TM's commit/rollback
	 * returns.
	 */
	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + PHASE_TWO_WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.sleep(50);
		}
	}

}
