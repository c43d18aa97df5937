package io.tccmall.payment.debit;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.payment.AbstractIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DebitApiIT extends AbstractIntegrationTest {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void clean() {
		cleanTables();
	}

	@Test
	void shouldDebitUnderTheXidOfTheCallingGlobalTransaction() throws Exception {
		givenWallet("alice", 10_000);

		this.mvc
			.perform(post("/internal/payments")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "payment-service"))
				.header("TX_XID", "10.0.0.1:8091:42")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderNo\":\"O1\",\"userId\":\"alice\",\"amountCents\":2500}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paymentNo").isString());

		assertThat(this.jdbc.queryForObject("SELECT xid FROM payment WHERE order_no = 'O1'", String.class))
			.isEqualTo("10.0.0.1:8091:42");
		assertThat(money("alice")).containsExactly(7_500, 2_500, 0);
		assertMoneyInvariant();
	}

	@Test
	void shouldAnswerProblemsWithStableCodes() throws Exception {
		givenWallet("alice", 1_000);

		this.mvc
			.perform(post("/internal/payments")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "payment-service"))
				.header("TX_XID", "xid-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderNo\":\"O1\",\"userId\":\"alice\",\"amountCents\":5000}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("INSUFFICIENT_BALANCE"));
		this.mvc
			.perform(post("/internal/payments")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "payment-service"))
				.header("TX_XID", "xid-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderNo\":\"O1\",\"userId\":\"alice\",\"amountCents\":-1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		this.mvc
			.perform(post("/internal/payments")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "payment-service"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderNo\":\"O1\",\"userId\":\"alice\",\"amountCents\":100}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("TRANSACTION_REQUIRED"));

		assertThat(money("alice")).containsExactly(1_000, 0, 0);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM payment", Integer.class)).isZero();
	}

}
