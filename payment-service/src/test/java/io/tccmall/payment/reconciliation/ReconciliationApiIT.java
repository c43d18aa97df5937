package io.tccmall.payment.reconciliation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.payment.AbstractIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /internal/reconciliation} against the real database: a consistent state
 * passes, one corrupted row is reported precisely, and nothing is written.
 */
class ReconciliationApiIT extends AbstractIntegrationTest {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void consistentMoney() {
		cleanTables();
		// alice: 10000 topped up, 3000 paid for O-1, 500 frozen for O-2
		givenWallet("alice", 10_000);
		this.jdbc.update("UPDATE wallet SET balance_cents = 6500, frozen_cents = 500, paid_cents = 3000"
				+ " WHERE user_id = 'alice'");
		payment("P-1", "O-1", "alice", 3000, "SUCCEEDED", Instant.now());
		payment("P-2", "O-2", "alice", 500, "TRYING", Instant.now());
		payment("P-0", "O-0", "alice", 700, "CANCELLED", Instant.now().minus(3, ChronoUnit.DAYS));
	}

	@Test
	void shouldPassAConsistentStateAndListLiveAndRecentPayments() throws Exception {
		findings(Instant.now().minus(1, ChronoUnit.DAYS)).andExpect(status().isOk())
			.andExpect(jsonPath("$.service").value("payment"))
			.andExpect(jsonPath("$.checks[*].name").value(contains("payment.money-conservation",
					"payment.wallet-payments", "payment.one-payment-per-order", "payment.outbox-lag")))
			.andExpect(jsonPath("$.checks[*].ok").value(contains(true, true, true, true)))
			.andExpect(jsonPath("$.holdings[*].ref").value(containsInAnyOrder("P-1", "P-2")))
			.andExpect(jsonPath("$.holdings[?(@.ref == 'P-1')].orderNo").value(contains("O-1")))
			.andExpect(jsonPath("$.holdings[?(@.ref == 'P-1')].amount").value(contains(3000)));
	}

	@Test
	void shouldReportPaidMoneyWithoutASuccessfulPaymentNamingTheWallet() throws Exception {
		this.jdbc.update("UPDATE payment SET status = 'CANCELLED' WHERE payment_no = 'P-1'");

		findings(Instant.now()).andExpect(status().isOk())
			.andExpect(jsonPath("$.checks[0].ok").value(true))
			.andExpect(jsonPath("$.checks[1].ok").value(false))
			.andExpect(jsonPath("$.checks[1].violations").value(contains(
					"wallet alice: paid 3000 but SUCCEEDED payments total 0; frozen 500 but TRYING payments total 500")));
		assertThat(money("alice")).containsExactly(6500, 500, 3000);
	}

	@Test
	void shouldReportPaymentsOfAUserWithoutAWallet() throws Exception {
		payment("P-9", "O-9", "mallory", 100, "SUCCEEDED", Instant.now());

		findings(Instant.now()).andExpect(jsonPath("$.checks[1].violations")
			.value(contains("payments of user mallory without a wallet (succeeded 100, trying 0)")));
	}

	@Test
	void shouldReportEventsWaitingForKafkaLongerThanAMinute() throws Exception {
		this.jdbc.update("INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload, created_at)"
				+ " VALUES ('E-1', 'tccmall.payment.events', 'O-1', 'PaymentSucceeded', '{}', NOW(3) - INTERVAL 2 MINUTE)");

		findings(Instant.now()).andExpect(jsonPath("$.checks[3].name").value("payment.outbox-lag"))
			.andExpect(jsonPath("$.checks[3].ok").value(false))
			.andExpect(jsonPath("$.checks[3].details.unpublished").value(1));
	}

	private ResultActions findings(Instant since) throws Exception {
		return this.mvc.perform(get("/internal/reconciliation")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "payment-service"))
			.param("since", since.toString()));
	}

	private void payment(String paymentNo, String orderNo, String userId, long cents, String status,
			Instant updatedAt) {
		this.jdbc.update("""
				INSERT INTO payment (payment_no, order_no, user_id, amount_cents, status, xid, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, 'xid', ?, ?)""", paymentNo, orderNo, userId, cents, status,
				Timestamp.from(updatedAt), Timestamp.from(updatedAt));
	}

}
