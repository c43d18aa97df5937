package io.tccmall.order.flashsale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tccmall.order.flashsale.FlashSaleGate.Admission;
import io.tccmall.order.flashsale.FlashSaleGate.Admission.Outcome;
import io.tccmall.order.flashsale.FlashSaleGate.SaleState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission scripts against the machine's real Redis (no Spring context): what a
 * buyer gets, and that a crowd never gets more tickets than units.
 */
class FlashSaleGateIT {

	private static RedissonClient redisson;

	private static FlashSaleGate gate;

	private final String sale = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

	@BeforeAll
	static void connect() {
		Config config = new Config();
		config.useSingleServer()
			.setAddress("redis://" + System.getenv().getOrDefault("TCCMALL_REDIS_HOST", "127.0.0.1") + ":"
					+ System.getenv().getOrDefault("TCCMALL_REDIS_PORT", "6379"));
		redisson = Redisson.create(config);
		gate = new FlashSaleGate(redisson);
	}

	@AfterAll
	static void disconnect() {
		redisson.shutdown();
	}

	@AfterEach
	void forgetSale() {
		gate.forget(this.sale);
	}

	@Test
	void shouldAdmitUntilTheLimitThenReplayTheSameKeyAndSellOut() {
		load(live(), 2, 1);

		Admission first = gate.admit(this.sale, "ann", "k1", "T-1");
		Admission replay = gate.admit(this.sale, "ann", "k1", "T-9");
		Admission again = gate.admit(this.sale, "ann", "k2", "T-2");
		Admission bob = gate.admit(this.sale, "bob", "k1", "T-3");
		Admission cid = gate.admit(this.sale, "cid", "k1", "T-4");

		assertThat(first).isEqualTo(new Admission(Outcome.ADMITTED, "T-1"));
		assertThat(replay).isEqualTo(new Admission(Outcome.REPLAY, "T-1"));
		assertThat(again.outcome()).isEqualTo(Outcome.LIMIT_REACHED);
		assertThat(bob).isEqualTo(new Admission(Outcome.ADMITTED, "T-3"));
		assertThat(cid.outcome()).isEqualTo(Outcome.SOLD_OUT);
	}

	@Test
	void shouldRefuseBeforeTheStartAndAfterTheEnd() {
		load(new Instant[] { Instant.now().plusSeconds(60), Instant.now().plusSeconds(120) }, 5, 1);
		assertThat(gate.admit(this.sale, "ann", "k", "T-1").outcome()).isEqualTo(Outcome.NOT_STARTED);

		gate.forget(this.sale);
		load(new Instant[] { Instant.now().minusSeconds(120), Instant.now().minusSeconds(60) }, 5, 1);
		assertThat(gate.admit(this.sale, "ann", "k", "T-1").outcome()).isEqualTo(Outcome.ENDED);
	}

	@Test
	void shouldSayMissingForASaleRedisDoesNotHoldAndLoadItOnlyOnce() {
		assertThat(gate.admit(this.sale, "ann", "k", "T-1").outcome()).isEqualTo(Outcome.MISSING);

		assertThat(load(live(), 1, 1)).isTrue();
		assertThat(load(live(), 99, 1)).as("a second load changes nothing").isFalse();

		assertThat(gate.admit(this.sale, "ann", "k", "T-1").outcome()).isEqualTo(Outcome.ADMITTED);
		assertThat(gate.admit(this.sale, "bob", "k", "T-2").outcome()).isEqualTo(Outcome.SOLD_OUT);
	}

	@Test
	void shouldRebuildBuyersAndKeysFromTheDatabaseState() {
		Instant[] window = live();
		gate.load(new SaleState(this.sale, window[0], window[1], 1, 3, Map.of("ann", 1L), Map.of("ann:k1", "T-1")));

		assertThat(gate.admit(this.sale, "ann", "k1", "T-x")).isEqualTo(new Admission(Outcome.REPLAY, "T-1"));
		assertThat(gate.admit(this.sale, "ann", "k2", "T-y").outcome()).isEqualTo(Outcome.LIMIT_REACHED);
		assertThat(gate.admit(this.sale, "bob", "k1", "T-z").outcome()).isEqualTo(Outcome.ADMITTED);
	}

	@Test
	void shouldGiveTheUnitAndTheQuotaBackForAFailedTicketButOnlyTheUnitForACancelledOrder() {
		load(live(), 1, 1);
		gate.admit(this.sale, "ann", "k1", "T-1");

		gate.giveBack(this.sale, "ann");
		assertThat(gate.admit(this.sale, "ann", "k2", "T-2").outcome()).isEqualTo(Outcome.ADMITTED);

		gate.unitBack(this.sale);
		assertThat(gate.admit(this.sale, "ann", "k3", "T-3").outcome()).isEqualTo(Outcome.LIMIT_REACHED);
		assertThat(gate.admit(this.sale, "bob", "k1", "T-4").outcome()).isEqualTo(Outcome.ADMITTED);
	}

	@Test
	void shouldAdmitExactlyTheUnitsToACrowd() throws Exception {
		load(live(), 25, 1);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<Admission>> answers = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			String buyer = "buyer-" + (i % 200);
			String key = "k-" + i;
			String ticket = "T-" + i;
			answers.add(pool.submit(() -> gate.admit(this.sale, buyer, key, ticket)));
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (Future<Admission> answer : answers) {
			outcomes.add(answer.get().outcome());
		}
		pool.shutdown();

		assertThat(outcomes).filteredOn(o -> o == Outcome.ADMITTED).hasSize(25);
		assertThat(outcomes).containsOnly(Outcome.ADMITTED, Outcome.SOLD_OUT, Outcome.LIMIT_REACHED);
	}

	private boolean load(Instant[] window, long units, int limit) {
		return gate.load(new SaleState(this.sale, window[0], window[1], limit, units, Map.of(), Map.of()));
	}

	private static Instant[] live() {
		return new Instant[] { Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofHours(1)) };
	}

}
