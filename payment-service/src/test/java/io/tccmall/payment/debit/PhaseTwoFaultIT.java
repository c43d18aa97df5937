package io.tccmall.payment.debit;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tccmall.common.testsupport.DatabaseFault;
import io.tccmall.common.testsupport.TcConsole;
import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.payment.SeataTcTest;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.tccmall.common.testsupport.TestTransactions.await;
import static io.tccmall.common.testsupport.TestTransactions.begin;
import static io.tccmall.common.testsupport.TestTransactions.tcStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code wallet-debit}'s phase two failing under the real TC, the fault injected in the
 * real database ({@link DatabaseFault}: a trigger failing the wallet update that follows
 * the payment's status change in the same transaction): a Confirm failing twice is
 * retried by the TC and pays once (one SUCCEEDED payment, one outbox event, the money
 * moved once); a Cancel that keeps failing leaves the transaction RollbackRetrying with
 * the money frozen, until the cause is removed and the TC's next retry gives it back
 * once. This test is the TM and calls the Try endpoint as order-service would.
 */
@SeataTcTest
class PhaseTwoFaultIT {

	private static final String ORDER = "O-FAULT";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void wallet() {
		DatabaseFault.removeAll(this.jdbc);
		for (String table : List.of("payment", "wallet", "top_up", "tcc_fence_log", "outbox_event")) {
			this.jdbc.update("DELETE FROM " + table);
		}
		this.jdbc.update("""
				INSERT INTO wallet (user_id, balance_cents, frozen_cents, paid_cents, refunded_cents, topped_up_cents,
				                    created_at, updated_at)
				VALUES ('alice', 10000, 0, 0, 0, 10000, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""");
	}

	@AfterEach
	void removeFaults() {
		// a failed test must not leave the TC retrying against a trigger forever
		DatabaseFault.removeAll(this.jdbc);
		RootContext.unbind();
	}

	@Test
	void shouldPayOnceWhenTheConfirmFailsTransientlyAndTheCoordinatorRetriesIt() throws Exception {
		DatabaseFault fault = DatabaseFault.failUpdates(this.jdbc, "debit_confirm", "wallet",
				"NEW.paid_cents > OLD.paid_cents", 2);

		GlobalTransaction pay = begin("payment-phase-two-fault-test");
		debit(pay.getXid(), 3_000);
		assertThat(money()).as("[balance, frozen, paid] after the Try").containsExactly(7_000L, 3_000L, 0L);
		pay.commit();
		RootContext.unbind();
		assertThat(pay.getLocalStatus()).as("the TC's answer to the TM's commit")
			.isEqualTo(GlobalStatus.CommitRetrying);

		await(() -> payments().equals(List.of("SUCCEEDED")), "the TC's retry confirms the payment");
		assertThat(fault.injected()).as("Confirm attempts that failed").isEqualTo(2);
		assertThat(money()).as("[balance, frozen, paid] paid once").containsExactly(7_000L, 0L, 3_000L);
		assertThat(outboxEvents()).as("events of the order (one PaymentSucceeded)").isEqualTo(1);
		assertThat(fence(pay.getXid())).as("fence row").containsExactly(2);
		await(() -> tcStatus(pay.getXid()) == GlobalStatus.Finished, "the TC ends the transaction");

		Thread.sleep(2_000);
		assertThat(money()).containsExactly(7_000L, 0L, 3_000L);
		assertThat(outboxEvents()).isEqualTo(1);
	}

	@Test
	void shouldKeepRetryingACancelThatKeepsFailingUntilTheCauseIsRemoved() throws Exception {
		DatabaseFault fault = DatabaseFault.failUpdatesUntilRemoved(this.jdbc, "debit_cancel", "wallet",
				"NEW.frozen_cents < OLD.frozen_cents AND NEW.balance_cents > OLD.balance_cents");

		GlobalTransaction pay = begin("payment-phase-two-fault-test");
		String xid = pay.getXid();
		debit(xid, 4_000);
		pay.rollback();
		RootContext.unbind();
		assertThat(pay.getLocalStatus()).as("the TC's answer to the TM's rollback")
			.isEqualTo(GlobalStatus.RollbackRetrying);

		await(() -> fault.injected() >= 3, "three failed Cancel attempts");
		assertThat(tcStatus(xid)).isEqualTo(GlobalStatus.RollbackRetrying);
		JsonNode session = TcConsole.ofTestServer().globalSession(xid);
		assertThat(session).as("the console lists the stuck transaction").isNotNull();
		assertThat(session.path("status").asInt()).as("console status: %s", session)
			.isEqualTo(GlobalStatus.RollbackRetrying.getCode());
		// what the participant shows meanwhile: the payment TRYING, its money frozen; the
		// status change of each failed Cancel was rolled back with it
		assertThat(payments()).containsExactly("TRYING");
		assertThat(money()).as("[balance, frozen, paid] while Cancel fails").containsExactly(6_000L, 4_000L, 0L);
		assertThat(fence(xid)).as("fence row while Cancel fails (TRIED)").containsExactly(1);

		fault.remove();
		await(() -> payments().equals(List.of("CANCELLED")), "the TC's retry cancels the payment");
		assertThat(money()).as("[balance, frozen, paid] given back once").containsExactly(10_000L, 0L, 0L);
		assertThat(fence(xid)).as("fence row").containsExactly(3);
		assertThat(outboxEvents()).as("events of a cancelled payment").isZero();
		await(() -> tcStatus(xid) == GlobalStatus.Finished, "the TC ends the transaction");
	}

	private void debit(String xid, long amountCents) throws Exception {
		this.mvc
			.perform(post("/internal/payments")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "payment-service"))
				.header(RootContext.KEY_XID, xid)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderNo\":\"" + ORDER + "\",\"userId\":\"alice\",\"amountCents\":" + amountCents + "}"))
			.andExpect(status().isOk());
	}

	/** balance, frozen, paid of alice's wallet. */
	private List<Long> money() {
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT balance_cents, frozen_cents, paid_cents FROM wallet WHERE user_id = 'alice'");
		return List.of(((Number) row.get("balance_cents")).longValue(), ((Number) row.get("frozen_cents")).longValue(),
				((Number) row.get("paid_cents")).longValue());
	}

	private List<String> payments() {
		return this.jdbc.queryForList("SELECT status FROM payment WHERE order_no = ?", String.class, ORDER);
	}

	private int outboxEvents() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_key = ?", Integer.class, ORDER);
	}

	private List<Integer> fence(String xid) {
		return this.jdbc.queryForList("SELECT status FROM tcc_fence_log WHERE xid = ?", Integer.class, xid);
	}

}
