package io.tccmall.payment.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.payment.AbstractIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class WalletApiIT extends AbstractIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TopUpService topUpService;

	@BeforeEach
	void clean() {
		cleanTables();
	}

	@Test
	void shouldShowZerosToAUserWithoutWallet() throws Exception {
		this.mvc.perform(get("/api/wallet").header(HttpHeaders.AUTHORIZATION, TestTokens.user("carol")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.userId").value("carol"))
			.andExpect(jsonPath("$.balanceCents").value(0))
			.andExpect(jsonPath("$.frozenCents").value(0));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wallet", Integer.class)).isZero();
	}

	@Test
	void shouldShowTheCallersOwnWallet() throws Exception {
		givenWallet("alice", 12_345);
		givenWallet("bob", 99);

		this.mvc.perform(get("/api/wallet").header(HttpHeaders.AUTHORIZATION, TestTokens.user("alice")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.userId").value("alice"))
			.andExpect(jsonPath("$.balanceCents").value(12_345))
			.andExpect(jsonPath("$.frozenCents").value(0));
	}

	@Test
	void shouldAnswer401WithoutIdentity() throws Exception {
		this.mvc.perform(get("/api/wallet")).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldCreateTheWalletOnFirstTopUpAndAddToItLater() throws Exception {
		topUp("carol", "k1", 5_000).andExpect(status().isOk())
			.andExpect(jsonPath("$.userId").value("carol"))
			.andExpect(jsonPath("$.balanceCents").value(5_000))
			.andExpect(jsonPath("$.frozenCents").value(0));
		topUp("carol", "k2", 2_000).andExpect(status().isOk()).andExpect(jsonPath("$.balanceCents").value(7_000));

		assertThat(money("carol")).containsExactly(7_000, 0, 0);
		assertThat(toppedUp("carol")).isEqualTo(7_000);
		assertMoneyInvariant();
	}

	@Test
	void shouldApplyATopUpOnceWhenItIsReplayedWithTheSameKey() throws Exception {
		givenWallet("alice", 1_000);

		topUp("alice", "same", 500).andExpect(status().isOk()).andExpect(jsonPath("$.balanceCents").value(1_500));
		topUp("alice", "other", 100).andExpect(status().isOk());
		// the replay answers what the first request answered
		topUp("alice", "same", 500).andExpect(status().isOk()).andExpect(jsonPath("$.balanceCents").value(1_500));

		assertThat(money("alice")).containsExactly(1_600, 0, 0);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM top_up", Integer.class)).isEqualTo(2);
		assertMoneyInvariant();
	}

	@Test
	void shouldRejectTheSameKeyWithADifferentRequest() throws Exception {
		topUp("alice", "k1", 500).andExpect(status().isOk());

		topUp("alice", "k1", 600).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
		topUp("bob", "k1", 500).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));

		assertThat(money("alice")).containsExactly(500, 0, 0);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wallet WHERE user_id = 'bob'", Integer.class))
			.isZero();
		assertMoneyInvariant();
	}

	@Test
	void shouldScopeIdempotencyKeysToTheAdminWhoSentThem() throws Exception {
		topUp("alice", "k1", 500).andExpect(status().isOk());
		this.mvc
			.perform(post("/api/admin/wallets/alice/top-ups")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.admin("admin2"))
				.header("Idempotency-Key", "k1")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amountCents\":500}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.balanceCents").value(1_000));
		assertMoneyInvariant();
	}

	@Test
	void shouldApplyOnceWhenTenReplaysOfOneKeyRace() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<WalletView>> answers = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return this.topUpService.topUp("admin", "race", "alice", 700);
				}));
			}
			start.countDown();
			for (Future<WalletView> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(new WalletView("alice", 700, 0));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(money("alice")).containsExactly(700, 0, 0);
		assertMoneyInvariant();
	}

	/**
	 * Ten first top-ups of a wallet that does not exist yet race (issue 20, finding 7):
	 * InnoDB may roll some back as deadlock victims on the new wallet row. Each answer is
	 * 200 or a 409 problem, never a 500, and the wallet holds exactly the 200s.
	 */
	@Test
	void shouldAnswerEveryRacingTopUpWithSuccessOrConflictNeverAnError() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Integer> statuses = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				String key = "first-" + i;
				answers.add(pool.submit(() -> {
					start.await();
					return topUp("dora", key, 100).andReturn().getResponse().getStatus();
				}));
			}
			start.countDown();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 409));
		assertThat(money("dora")).containsExactly(100L * statuses.stream().filter(s -> s == 200).count(), 0, 0);
		assertMoneyInvariant();
	}

	@Test
	void shouldRefuseTopUpsFromNonAdmins() throws Exception {
		this.mvc
			.perform(
					post("/api/admin/wallets/alice/top-ups").header(HttpHeaders.AUTHORIZATION, TestTokens.user("alice"))
						.header("Idempotency-Key", "k1")
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"amountCents\":500}"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wallet", Integer.class)).isZero();
	}

	@Test
	void shouldValidateTheTopUpRequest() throws Exception {
		topUp("alice", "k1", 0).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		topUp("alice", "k2", 100_000_000_01L).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		topUp("alice", "k3", 100_000_000_00L).andExpect(status().isOk());
		this.mvc
			.perform(post("/api/admin/wallets/alice/top-ups")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.admin("admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amountCents\":500}"))
			.andExpect(status().isBadRequest());

		assertThat(money("alice")).containsExactly(100_000_000_00L, 0, 0);
		assertMoneyInvariant();
	}

	private ResultActions topUp(String userId, String key, long amountCents) throws Exception {
		return this.mvc.perform(post("/api/admin/wallets/{userId}/top-ups", userId)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.admin("admin"))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"amountCents\":" + amountCents + "}"));
	}

	private long toppedUp(String userId) {
		return this.jdbc.queryForObject("SELECT topped_up_cents FROM wallet WHERE user_id = ?", Long.class, userId);
	}

}
