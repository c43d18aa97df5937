package io.tccmall.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races, with two instances of every backend service behind the client-side load
 * balancer: buyers racing for the last units, the same order paid many times, pay racing
 * cancel, one Idempotency-Key sent many times at once, and coupon claims racing for a
 * capped template.
 */
class ConcurrencyIT {

	private static final ExecutorService POOL = Executors.newFixedThreadPool(32);

	/**
	 * The second racer of a pair: a pool of its own, so a round never waits for a thread
	 * its siblings hold.
	 */
	private static final ExecutorService RIVALS = Executors.newFixedThreadPool(32);

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@AfterAll
	static void pool() {
		POOL.shutdownNow();
		RIVALS.shutdownNow();
	}

	@AfterEach
	void invariantsHold() {
		Invariants.assertHold();
	}

	@Test
	void shouldNotOversellWhenTwoHundredBuyersRaceForTenUnits() throws Exception {
		String sku = Shop.product("hot", 1500, 10);
		long template = Shop.couponTemplate(200, 1000, 100, 1);
		List<Callable<Attempt>> buyers = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String buyer = Shop.fundedUser("racer" + i, 10_000);
			int quantity = 1 + (i % 3);
			String coupon = (i % 5 == 0) ? Shop.claim(buyer, template) : null;
			buyers
				.add(() -> new Attempt(buyer, quantity, Shop.placeOrder(buyer, List.of(line(sku, quantity)), coupon)));
		}

		List<Attempt> attempts = all(buyers);

		List<Attempt> placed = attempts.stream().filter(a -> a.response().status() == 201).toList();
		List<Attempt> refused = attempts.stream().filter(a -> a.response().status() != 201).toList();
		assertThat(refused).allSatisfy(a -> assertThat(a.response().code()).as("%s", a).isEqualTo("OUT_OF_STOCK"));
		int reserved = placed.stream().mapToInt(Attempt::quantity).sum();
		List<Long> stock = Shop.stock(sku);
		assertThat(reserved).isLessThanOrEqualTo(10);
		assertThat(stock).containsExactly(10L - reserved, (long) reserved, 0L);
		// the stock only went down during the race: a refused buyer asked for more than
		// was left at the end
		assertThat(refused).allSatisfy(a -> assertThat((long) a.quantity()).isGreaterThan(stock.get(0)));

		for (int i = 0; i < placed.size(); i++) {
			Attempt a = placed.get(i);
			String orderNo = a.response().text("orderNo");
			Api.Response done = (i % 2 == 0)
					? Api.as(a.buyer()).post("/api/orders/" + orderNo + "/payment", Map.of(), "new")
					: Api.as(a.buyer()).post("/api/orders/" + orderNo + "/cancellation", Map.of(), "new");
			assertThat(done.status()).as("%s", done).isEqualTo(200);
		}
		int sold = IntStream.range(0, placed.size()).filter(i -> i % 2 == 0).map(i -> placed.get(i).quantity()).sum();
		Shop.awaitStock(sku, 10L - sold, 0, sold);
	}

	@Test
	void shouldDebitOnceWhenOneOrderIsPaidTwentyTimesConcurrently() throws Exception {
		String sku = Shop.product("twenty", 2000, 5);
		String user = Shop.fundedUser("double-clicker", 100_000);
		String orderNo = Shop.placeOrder(user, List.of(line(sku, 1)), null).text("orderNo");

		List<Api.Response> answers = all(IntStream.range(0, 20)
			.mapToObj(i -> (Callable<Api.Response>) () -> Api.as(user)
				.post("/api/orders/" + orderNo + "/payment", Map.of(), "pay-" + i + "-" + orderNo))
			.toList());

		assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
		assertThat(answers).filteredOn(r -> r.status() != 200)
			.allSatisfy(r -> assertThat(r.code()).as("%s", r).isIn("ILLEGAL_ORDER_STATE", "REQUEST_IN_PROGRESS"));
		assertThat(Shop.wallet(user)).containsExactly(98_000L, 0L);
		assertThat(Db.number("tccmall_payment",
				"SELECT COUNT(*) FROM payment WHERE order_no = ? AND status = 'SUCCEEDED'", orderNo))
			.isEqualTo(1);
		Shop.awaitStock(sku, 4, 0, 1);
	}

	@Test
	void shouldEndEveryOrderEitherPaidOrCancelledWhenPayRacesCancel() throws Exception {
		String sku = Shop.product("contested", 700, 1000);
		long template = Shop.couponTemplate(100, 500, 1000, 100);
		// ten shoppers with ten unpaid orders each: the most one shopper may hold
		// (tccmall.order.caps)
		List<String> users = IntStream.range(0, 10).mapToObj(i -> Shop.fundedUser("hesitant" + i, 100_000)).toList();
		List<Callable<List<Api.Response>>> rounds = new ArrayList<>();
		for (int round = 0; round < 100; round++) {
			String user = users.get(round % users.size());
			String coupon = (round % 2 == 0) ? Shop.claim(user, template) : null;
			String orderNo = Shop.placeOrder(user, List.of(line(sku, 1)), coupon).text("orderNo");
			rounds.add(() -> {
				Future<Api.Response> pay = RIVALS
					.submit(() -> Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new"));
				Api.Response cancel = Api.as(user).post("/api/orders/" + orderNo + "/cancellation", Map.of(), "new");
				return List.of(pay.get(), cancel);
			});
		}

		List<List<Api.Response>> outcomes = new ArrayList<>();
		for (Future<List<Api.Response>> round : rounds.stream()
			.map(r -> (Future<List<Api.Response>>) POOL.submit(r))
			.toList()) {
			outcomes.add(round.get());
		}

		long paid = 0;
		for (List<Api.Response> outcome : outcomes) {
			Api.Response pay = outcome.get(0);
			Api.Response cancel = outcome.get(1);
			assertThat(pay.status() == 200 ^ cancel.status() == 200).as("exactly one of %s and %s", pay, cancel)
				.isTrue();
			paid += (pay.status() == 200) ? 1 : 0;
		}
		for (String user : users) {
			assertThat(Db.number("tccmall_order",
					"SELECT COUNT(*) FROM orders WHERE user_id = ? AND status NOT IN ('PAID', 'CANCELLED')", user))
				.isZero();
		}
		Shop.awaitStock(sku, 1000L - paid, 0, paid);
	}

	@Test
	void shouldPlaceOneOrderWhenTheSameIdempotencyKeyArrivesFiftyTimesAtOnce() throws Exception {
		String sku = Shop.product("once", 900, 100);
		String user = Shop.fundedUser("impatient", 10_000);
		Map<String, Object> body = Map.of("items", List.of(line(sku, 2)));
		String key = "fifty-" + Shop.RUN;

		List<Api.Response> answers = all(IntStream.range(0, 50)
			.mapToObj(i -> (Callable<Api.Response>) () -> Api.as(user).post("/api/orders", body, key))
			.toList());

		assertThat(answers).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(201));
		assertThat(answers.stream().map(Api.Response::body).distinct()).hasSize(1);
		assertThat(Db.number("tccmall_order", "SELECT COUNT(*) FROM orders WHERE user_id = ?", user)).isEqualTo(1);
		assertThat(Shop.stock(sku)).containsExactly(98L, 2L, 0L);
	}

	@Test
	void shouldClaimExactlyTheCapWhenAHundredUsersRaceThreeTimesEach() throws Exception {
		long template = Shop.couponTemplate(300, 3000, 30, 1);
		List<Callable<Api.Response>> claims = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String user = Shop.fundedUser("claimer" + i, 0);
			for (int attempt = 0; attempt < 3; attempt++) {
				claims.add(() -> Api.as(user).post("/api/coupons/" + template + "/claims", Map.of(), "new"));
			}
		}
		java.util.Collections.shuffle(claims, ThreadLocalRandom.current());

		List<Api.Response> answers = all(claims);

		assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(30);
		assertThat(answers).filteredOn(r -> r.status() != 201)
			.allSatisfy(r -> assertThat(r.code()).as("%s", r).isIn("COUPON_SOLD_OUT", "CLAIM_LIMIT_REACHED"));
		List<Map<String, Object>> owners = Db.rows("tccmall_coupon",
				"SELECT user_id, COUNT(*) AS coupons FROM user_coupon WHERE template_id = ? GROUP BY user_id",
				template);
		assertThat(owners).hasSize(30).allSatisfy(o -> assertThat(((Number) o.get("coupons")).intValue()).isEqualTo(1));
		Set<String> distinct = new HashSet<>();
		owners.forEach(o -> distinct.add((String) o.get("user_id")));
		assertThat(distinct).hasSize(30);
	}

	private static <T> List<T> all(List<? extends Callable<T>> tasks) throws Exception {
		List<Future<T>> futures = new ArrayList<>();
		tasks.forEach(task -> futures.add(POOL.submit(task)));
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get());
		}
		return results;
	}

	record Attempt(String buyer, int quantity, Api.Response response) {
	}

}
