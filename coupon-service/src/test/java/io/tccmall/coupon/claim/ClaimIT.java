package io.tccmall.coupon.claim;

import java.time.Duration;
import java.util.List;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.coupon.AbstractIntegrationTest;
import io.tccmall.coupon.usercoupon.CouponView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ClaimIT extends AbstractIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClaimService claims;

	@BeforeEach
	void clean() {
		cleanTables();
	}

	@Test
	void shouldHandOutExactlyTheTotalWhenAHundredUsersRaceForThirty() throws Exception {
		long template = givenTemplate(500, 5_000, 30, 1);

		List<Outcome> outcomes = race(100, i -> this.claims.claim("user-" + i, "key-" + i, template));

		assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(30);
		assertThat(outcomes).filteredOn(o -> "COUPON_SOLD_OUT".equals(o.refusal())).hasSize(70);
		assertThat(claimedCount(template)).isEqualTo(30);
		assertThat(couponCount(template)).isEqualTo(30);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT user_id) FROM user_coupon", Integer.class))
			.isEqualTo(30);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM coupon_claim_request", Integer.class))
			.as("refused claims leave no idempotency record")
			.isEqualTo(30);
	}

	@Test
	void shouldGiveOneCouponWhenOneUserClaimsFiveTimesAtOnceWithALimitOfOne() throws Exception {
		long template = givenTemplate(500, 5_000, 100, 1);

		List<Outcome> outcomes = race(5, i -> this.claims.claim("alice", "key-" + i, template));

		assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
		assertThat(outcomes).filteredOn(o -> "CLAIM_LIMIT_REACHED".equals(o.refusal())).hasSize(4);
		assertThat(claimedCount(template)).as("refused claims give their count back").isEqualTo(1);
		assertThat(couponCount(template)).isEqualTo(1);
	}

	@Test
	void shouldNumberAUsersClaimsUpToThePerUserLimit() throws Exception {
		long template = givenTemplate(500, 5_000, 100, 3);

		for (int i = 1; i <= 3; i++) {
			claim("alice", template, "k" + i).andExpect(status().isCreated());
		}
		claim("alice", template, "k4").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CLAIM_LIMIT_REACHED"));
		claim("bob", template, "k4").andExpect(status().isCreated());

		assertThat(this.jdbc.queryForList(
				"SELECT claim_seq FROM user_coupon WHERE user_id = 'alice' ORDER BY claim_seq", Integer.class))
			.containsExactly(1, 2, 3);
		assertThat(claimedCount(template)).isEqualTo(4);
	}

	@Test
	void shouldAnswerTheClaimedCoupon() throws Exception {
		long template = givenTemplate(500, 5_000, 10, 1);

		claim("alice", template, "k1").andExpect(status().isCreated())
			.andExpect(jsonPath("$.couponId").isString())
			.andExpect(jsonPath("$.templateId").value(template))
			.andExpect(jsonPath("$.status").value("AVAILABLE"))
			.andExpect(jsonPath("$.discountCents").value(500))
			.andExpect(jsonPath("$.minSpendCents").value(5_000))
			.andExpect(jsonPath("$.validUntil")
				.value(startsWith(NOW.plus(Duration.ofDays(30)).toString().substring(0, 16))));
	}

	@Test
	void shouldAnswerTheSameCouponWhenAClaimIsReplayed() throws Exception {
		long template = givenTemplate(500, 5_000, 10, 3);

		CouponView first = this.claims.claim("alice", "same", template);
		claim("alice", template, "same").andExpect(status().isCreated())
			.andExpect(jsonPath("$.couponId").value(first.couponId()));

		assertThat(claimedCount(template)).isEqualTo(1);
		assertThat(couponCount(template)).isEqualTo(1);
	}

	@Test
	void shouldRejectAKeyReusedForAnotherTemplate() throws Exception {
		long template = givenTemplate(500, 5_000, 10, 3);
		long other = givenTemplate(100, 1_000, 10, 3);
		claim("alice", template, "k1").andExpect(status().isCreated());

		claim("alice", other, "k1").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));

		assertThat(claimedCount(other)).isZero();
		assertThat(couponCount(other)).isZero();
	}

	@Test
	void shouldScopeIdempotencyKeysToTheUser() throws Exception {
		long template = givenTemplate(500, 5_000, 10, 1);

		claim("alice", template, "k1").andExpect(status().isCreated());
		claim("bob", template, "k1").andExpect(status().isCreated());

		assertThat(couponCount(template)).isEqualTo(2);
	}

	@Test
	void shouldRefuseClaimsOfUnknownSoldOutAndOutOfWindowTemplates() throws Exception {
		long soldOut = givenTemplate(500, 5_000, 1, 1);
		long future = givenTemplate(500, 5_000, 10, 1, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)));
		long past = givenTemplate(500, 5_000, 10, 1, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));
		claim("alice", soldOut, "k1").andExpect(status().isCreated());

		claim("bob", soldOut, "k1").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("COUPON_SOLD_OUT"));
		claim("bob", future, "k2").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("COUPON_NOT_CLAIMABLE"));
		claim("bob", past, "k3").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("COUPON_NOT_CLAIMABLE"));
		claim("bob", 999_999, "k4").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("COUPON_TEMPLATE_NOT_FOUND"));

		assertThat(claimedCount(soldOut)).isEqualTo(1);
		assertThat(claimedCount(future)).isZero();
		assertThat(claimedCount(past)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_coupon WHERE user_id = 'bob'", Integer.class))
			.isZero();
	}

	@Test
	void shouldNeedAnIdempotencyKeyAndAUser() throws Exception {
		long template = givenTemplate(500, 5_000, 10, 1);

		this.mvc
			.perform(post("/api/coupons/{id}/claims", template).header(HttpHeaders.AUTHORIZATION,
					TestTokens.user("alice")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/coupons/{id}/claims", template).header("Idempotency-Key", "k1"))
			.andExpect(status().isUnauthorized());

		assertThat(claimedCount(template)).isZero();
	}

	@Test
	void shouldListOnlyTheCallersCouponsNewestFirst() throws Exception {
		long first = givenTemplate(500, 5_000, 10, 1);
		long second = givenTemplate(2_000, 20_000, 10, 1);
		CouponView older = this.claims.claim("alice", "k1", first);
		CouponView newer = this.claims.claim("alice", "k2", second);
		this.claims.claim("bob", "k1", first);

		this.mvc.perform(get("/api/coupons/mine").header(HttpHeaders.AUTHORIZATION, TestTokens.user("alice")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].couponId").value(newer.couponId()))
			.andExpect(jsonPath("$[0].templateId").value(second))
			.andExpect(jsonPath("$[1].couponId").value(older.couponId()));
		this.mvc.perform(get("/api/coupons/mine").header(HttpHeaders.AUTHORIZATION, TestTokens.user("carol")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	private ResultActions claim(String userId, long templateId, String key) throws Exception {
		return this.mvc.perform(
				post("/api/coupons/{id}/claims", templateId).header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId))
					.header("Idempotency-Key", key));
	}

}
