package io.tccmall.coupon.reconciliation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.coupon.AbstractIntegrationTest;
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

	private long template;

	@BeforeEach
	void consistentCoupons() {
		cleanTables();
		this.template = givenTemplate(500, 5000, 10, 2);
		coupon("C-1", "alice", 1, "LOCKED", "O-1", Instant.now());
		coupon("C-2", "alice", 2, "USED", "O-2", Instant.now());
		coupon("C-3", "bob", 1, "USED", "O-OLD", Instant.now().minus(3, ChronoUnit.DAYS));
		coupon("C-4", "carol", 1, "AVAILABLE", null, Instant.now());
		this.jdbc.update("UPDATE coupon_template SET claimed_count = 4 WHERE id = ?", this.template);
	}

	@Test
	void shouldPassAConsistentStateAndListHeldAndRecentlyUsedCoupons() throws Exception {
		findings(Instant.now().minus(1, ChronoUnit.DAYS)).andExpect(status().isOk())
			.andExpect(jsonPath("$.service").value("coupon"))
			.andExpect(jsonPath("$.checks[*].name").value(contains("coupon.template-claims", "coupon.user-coupons")))
			.andExpect(jsonPath("$.checks[*].ok").value(contains(true, true)))
			.andExpect(jsonPath("$.holdings[*].ref").value(containsInAnyOrder("C-1", "C-2")))
			.andExpect(jsonPath("$.holdings[?(@.ref == 'C-1')].orderNo").value(contains("O-1")))
			.andExpect(jsonPath("$.holdings[?(@.ref == 'C-1')].status").value(contains("LOCKED")));
	}

	@Test
	void shouldReportAClaimCountThatDisagreesWithTheIssuedCoupons() throws Exception {
		this.jdbc.update("UPDATE coupon_template SET claimed_count = 3 WHERE id = ?", this.template);

		findings(Instant.now()).andExpect(status().isOk())
			.andExpect(jsonPath("$.checks[0].ok").value(false))
			.andExpect(jsonPath("$.checks[0].violations")
				.value(contains("template " + this.template + ": claimed_count 3 but 4 coupons issued (total 10)")))
			.andExpect(jsonPath("$.checks[1].ok").value(true));
		assertThat(claimedCount(this.template)).isEqualTo(3);
	}

	@Test
	void shouldReportAnOrderHoldingTwoCouponsAndAClaimOverTheLimit() throws Exception {
		coupon("C-5", "alice", 3, "LOCKED", "O-1", Instant.now());
		this.jdbc.update("UPDATE coupon_template SET claimed_count = 5 WHERE id = ?", this.template);

		findings(Instant.now()).andExpect(jsonPath("$.checks[0].ok").value(true))
			.andExpect(jsonPath("$.checks[1].violations")
				.value(contains("user alice holds 3 coupons of template " + this.template + " (limit 2)",
						"order O-1 holds several coupons: C-1,C-5")));
	}

	private ResultActions findings(Instant since) throws Exception {
		return this.mvc.perform(get("/internal/reconciliation")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "coupon-service"))
			.param("since", since.toString()));
	}

	private void coupon(String couponId, String userId, int claimSeq, String status, String orderNo,
			Instant updatedAt) {
		this.jdbc.update("""
				INSERT INTO user_coupon (coupon_id, template_id, user_id, claim_seq, status, order_no, discount_cents,
				                         min_spend_cents, valid_until, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 500, 5000, ?, ?, ?)""", couponId, this.template, userId, claimSeq, status,
				orderNo, Timestamp.from(Instant.now().plus(30, ChronoUnit.DAYS)), Timestamp.from(updatedAt),
				Timestamp.from(updatedAt));
	}

}
