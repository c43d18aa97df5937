package io.tccmall.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flash sales through the real gateway, two instances of each service, Redis and Kafka: a
 * crowd far larger than the units, buyers retrying, Redis losing the sale mid-way, and
 * units coming back from cancelled orders.
 */
class FlashSaleIT {

	private static final ExecutorService CROWD = Executors.newFixedThreadPool(200);

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@AfterAll
	static void pool() {
		CROWD.shutdownNow();
	}

	@AfterEach
	void invariantsHold() {
		Invariants.assertHold();
	}

	@Test
	void shouldSellExactlyTheUnitsToTwoThousandBuyersAndNobodyTwice() throws Exception {
		String sku = Shop.product("console", 40_000, 150);
		String saleId = sale(sku, 100, 600);
		List<Callable<Attempt>> crowd = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			String buyer = "it-" + Shop.RUN + "-crowd-" + i;
			crowd.add(() -> buy(buyer, saleId, "first"));
			if (i % 10 == 0) {
				// a buyer whose client retries the same request, and one who tries again
				crowd.add(() -> buy(buyer, saleId, "first"));
				crowd.add(() -> buy(buyer, saleId, "second"));
			}
		}

		List<Attempt> attempts = all(crowd);

		List<Attempt> admitted = attempts.stream().filter(a -> a.status() == 202).toList();
		assertThat(attempts).filteredOn(a -> a.status() != 202)
			.allSatisfy(a -> assertThat(a.code()).as("%s", a).isIn("SOLD_OUT", "LIMIT_REACHED"));
		assertThat(admitted.stream().map(Attempt::ticketId).distinct().count()).as("tickets").isEqualTo(100);
		assertThat(admitted.stream().map(Attempt::buyer).distinct().count()).as("buyers with a ticket").isEqualTo(100);
		assertThat(Db.number("tccmall_order", "SELECT COUNT(*) FROM flash_ticket WHERE sale_id = ?", saleId))
			.as("the database saw the admitted buyers only")
			.isEqualTo(100);

		awaitNoQueuedTickets(saleId, Duration.ofMinutes(3));
		long ordered = Db.number("tccmall_order",
				"SELECT COUNT(*) FROM flash_ticket WHERE sale_id = ? AND status = 'ORDERED'", saleId);
		assertThat(ordered).isEqualTo(100);
		assertThat(Db.number("tccmall_order",
				"SELECT COUNT(DISTINCT o.user_id) FROM orders o"
						+ " JOIN flash_ticket t ON t.order_no = o.order_no WHERE t.sale_id = ?",
				saleId))
			.isEqualTo(100);
		assertThat(remaining(saleId)).isZero();
		assertThat(Shop.stock(sku)).containsExactly(50L, 100L, 0L);

		String buyer = admitted.get(0).buyer();
		List<Map<String, Object>> mine = mine(buyer, saleId);
		assertThat(mine).singleElement().satisfies(t -> assertThat(t).containsEntry("status", "ORDERED"));
		String orderNo = (String) mine.get(0).get("orderNo");
		assertThat(Api.as(buyer).get("/api/orders/" + orderNo).body().path("payableCents").asLong())
			.as("the sale's price")
			.isEqualTo(9_900);
	}

	@Test
	void shouldNotOversellAfterARedisRestartAndGiveUnitsOfTimedOutOrdersBack() throws Exception {
		String sku = Shop.product("drone", 80_000, 30);
		String saleId = sale(sku, 20, 20);
		List<Callable<Attempt>> first = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String buyer = "it-" + Shop.RUN + "-early-" + i;
			first.add(() -> buy(buyer, saleId, "k"));
		}
		assertThat(all(first)).filteredOn(a -> a.status() == 202).hasSize(20);

		RedisKeys.restart();
		// the sale is rebuilt from the databases (the preloader, every 5 s)
		await().atMost(Duration.ofSeconds(30)).until(() -> RedisKeys.exists("fs:{" + saleId + "}"));

		List<Callable<Attempt>> second = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String early = "it-" + Shop.RUN + "-early-" + i;
			String late = "it-" + Shop.RUN + "-late-" + i;
			second.add(() -> buy(early, saleId, "again"));
			second.add(() -> buy(late, saleId, "k"));
		}
		assertThat(all(second)).as("no unit is sold twice after Redis lost the sale").noneMatch(a -> a.status() == 202);

		// nobody pays within the 20 s deadline: every order times out and its unit goes
		// back
		awaitNoQueuedTickets(saleId, Duration.ofMinutes(2));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(Db.number("tccmall_order",
					"SELECT COUNT(*) FROM flash_ticket WHERE sale_id = ? AND status = 'RELEASED'", saleId))
				.isEqualTo(20));
		assertThat(remaining(saleId)).isEqualTo(20);
		Attempt comeback = await().atMost(Duration.ofSeconds(30))
			.until(() -> buy("it-" + Shop.RUN + "-comeback", saleId, "k"), a -> a.status() == 202);
		assertThat(comeback.ticketId()).isNotBlank();
	}

	private static String sale(String sku, int units, int paymentDeadlineSeconds) {
		Instant now = Instant.now();
		Api.Response created = Api.admin()
			.post("/api/admin/flash-sales",
					Map.of("skuId", sku, "units", units, "priceCents", 9_900, "startsAt",
							now.minusSeconds(1).toString(), "endsAt", now.plus(Duration.ofMinutes(30)).toString(),
							"perUserLimit", 1, "paymentDeadlineSeconds", paymentDeadlineSeconds),
					"new");
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.text("saleId");
	}

	private static Attempt buy(String buyer, String saleId, String key) {
		Api.Response answer = Api.as(buyer).post("/api/flash-sales/" + saleId + "/orders", Map.of(), key);
		return new Attempt(buyer, answer.status(), answer.status() == 202 ? answer.text("ticketId") : null,
				answer.status() == 202 ? null : answer.code());
	}

	private static List<Map<String, Object>> mine(String buyer, String saleId) {
		Api.Response answer = Api.as(buyer).get("/api/flash-sales/" + saleId + "/orders/mine");
		assertThat(answer.status()).isEqualTo(200);
		List<Map<String, Object>> tickets = new ArrayList<>();
		answer.body()
			.forEach(t -> tickets
				.add(Map.of("status", t.path("status").asText(), "orderNo", t.path("orderNo").asText())));
		return tickets;
	}

	private static void awaitNoQueuedTickets(String saleId, Duration within) {
		await().atMost(within)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(Db.number("tccmall_order",
					"SELECT COUNT(*) FROM flash_ticket WHERE sale_id = ? AND status = 'QUEUED'", saleId))
				.isZero());
	}

	private static long remaining(String saleId) {
		return Db.number("tccmall_inventory", "SELECT remaining FROM flash_sale WHERE sale_id = ?", saleId);
	}

	private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
		List<Future<T>> futures = CROWD.invokeAll(calls);
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get());
		}
		return results;
	}

	record Attempt(String buyer, int status, String ticketId, String code) {
	}

}
