package io.tccmall.payment.debit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.payment.SeataTcTest;
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
 * {@code wallet-debit} through a real Seata TC: the TCC proxy, the action context (the
 * order number must reach Confirm/Cancel), the fence and the XID header. The TC is
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
	void wallet() {
		for (String table : List.of("payment", "wallet", "top_up", "tcc_fence_log")) {
			this.jdbc.update("DELETE FROM " + table);
		}
		this.jdbc.update("""
				INSERT INTO wallet (user_id, balance_cents, frozen_cents, paid_cents, refunded_cents, topped_up_cents,
				                    created_at, updated_at)
				VALUES ('alice', 10000, 0, 0, 0, 10000, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""");
	}

	@AfterEach
	void unbind() {
		RootContext.unbind();
	}

	@Test
	void shouldPayWhenThePayingTransactionCommits() throws Exception {
		String xid = begin();
		debit(xid, "O-1", 3_000).andExpect(status().isOk()).andExpect(jsonPath("$.paymentNo").isString());
		assertThat(money()).containsExactly(7_000L, 3_000L, 0L);
		commit(xid);

		await(() -> List.of("SUCCEEDED").equals(payments("O-1")), "payment of O-1 SUCCEEDED");
		assertThat(money()).containsExactly(7_000L, 0L, 3_000L);
		assertThat(fence(xid)).containsExactly(2);
	}

	@Test
	void shouldGiveTheMoneyBackWhenThePayingTransactionRollsBack() throws Exception {
		String xid = begin();
		debit(xid, "O-1", 4_000).andExpect(status().isOk());
		rollback(xid);

		await(() -> List.of("CANCELLED").equals(payments("O-1")), "payment of O-1 CANCELLED");
		assertThat(money()).containsExactly(10_000L, 0L, 0L);
		assertThat(fence(xid)).containsExactly(3);
	}

	@Test
	void shouldRecordAnEmptyRollbackWhenTheTryWasRefused() throws Exception {
		String xid = begin();
		debit(xid, "O-1", 10_001).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("INSUFFICIENT_BALANCE"));
		rollback(xid);

		await(() -> fence(xid).equals(List.of(4)), "suspended fence row of " + xid);
		assertThat(payments("O-1")).isEmpty();
		assertThat(money()).containsExactly(10_000L, 0L, 0L);
	}

	@Test
	void shouldRefuseATryOutsideAGlobalTransaction() throws Exception {
		this.mvc
			.perform(post("/internal/payments")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "payment-service"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderNo\":\"O-1\",\"userId\":\"alice\",\"amountCents\":100}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("TRANSACTION_REQUIRED"));
		assertThat(money()).containsExactly(10_000L, 0L, 0L);
	}

	private ResultActions debit(String xid, String orderNo, long amountCents) throws Exception {
		return this.mvc.perform(post("/internal/payments")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "payment-service"))
			.header(RootContext.KEY_XID, xid)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orderNo\":\"" + orderNo + "\",\"userId\":\"alice\",\"amountCents\":" + amountCents + "}"));
	}

	private static String begin() throws Exception {
		GlobalTransaction tx = GlobalTransactionContext.getCurrentOrCreate();
		tx.begin(30_000, "payment-tc-wiring-test");
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

	/** balance, frozen, paid of alice's wallet. */
	private List<Long> money() {
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT balance_cents, frozen_cents, paid_cents FROM wallet WHERE user_id = 'alice'");
		return List.of(((Number) row.get("balance_cents")).longValue(), ((Number) row.get("frozen_cents")).longValue(),
				((Number) row.get("paid_cents")).longValue());
	}

	private List<String> payments(String orderNo) {
		return this.jdbc.queryForList("SELECT status FROM payment WHERE order_no = ?", String.class, orderNo);
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
