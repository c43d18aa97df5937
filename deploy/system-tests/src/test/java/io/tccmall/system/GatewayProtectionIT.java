package io.tccmall.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's protections on the real stack: rate limits, body size, what is not
 * reachable, and the request id from the client to a service's log.
 */
class GatewayProtectionIT {

	private static final ExecutorService POOL = Executors.newFixedThreadPool(48);

	private static final Path LOGS = Path.of(System.getProperty("tccmall.runDir", "target/stack")).resolve("logs");

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@AfterAll
	static void pool() {
		POOL.shutdownNow();
	}

	/**
	 * On the flash-sale routes (5 a second, bursts of 20 per user): the rest of the API
	 * allows a user more than this shared, two-core stack can serve, so only the
	 * gateway's own test drives those limits over.
	 */
	@Test
	void shouldRefuseAUserFarOverTheLimitAndLetOnlyTheAllowedRateThrough() throws Exception {
		Api greedy = Api.as(Shop.fundedUser("greedy", 0));
		List<Callable<Api.Response>> burst = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			burst.add(() -> greedy.get("/api/flash-sales/it-" + Shop.RUN + "-probe"));
		}

		Instant start = Instant.now();
		List<Api.Response> answers = all(burst);
		double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;

		List<Api.Response> passed = answers.stream().filter(r -> r.status() != 429).toList();
		List<Api.Response> refused = answers.stream().filter(r -> r.status() == 429).toList();
		assertThat(refused).isNotEmpty().allSatisfy(r -> {
			assertThat(r.code()).isEqualTo("RATE_LIMITED");
			assertThat(r.raw().headers().firstValue("Retry-After")).hasValue("1");
			assertThat(r.raw().headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		});
		// what order-service saw (it answers the probe itself): at most the burst plus
		// the
		// replenish rate over the time of the burst, with the limits the gateway reports
		assertThat(passed).isNotEmpty().allSatisfy(r -> assertThat(r.status()).as("%s", r).isLessThan(500));
		long burstCapacity = header(passed.get(0), "X-RateLimit-Burst-Capacity");
		long replenishRate = header(passed.get(0), "X-RateLimit-Replenish-Rate");
		assertThat((double) passed.size()).as("passed in %.1f s", seconds)
			.isLessThanOrEqualTo(burstCapacity + replenishRate * (seconds + 1));
		Api bystander = Api.as(Shop.fundedUser("bystander", 0));
		assertThat(bystander.get("/api/flash-sales/it-" + Shop.RUN + "-probe").status()).isNotEqualTo(429);
		assertThat(bystander.get("/api/wallet").status()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAnOversizedBody() {
		String user = Shop.fundedUser("bulky", 0);
		Api.Response response = Api.as(user)
			.post("/api/orders", Map.of("items", List.of(), "padding", "x".repeat(70 * 1024)), "new");

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void shouldNotReachInternalOrActuatorEndpointsOfTheServicesWhateverThePath() {
		for (String path : List.of("/internal/stock/reservations", "/api/internal/stock/reservations", "/actuator/env",
				"/actuator/prometheus", "/actuator/metrics", "/api/orders/../../actuator/prometheus",
				"/api/orders/%2e%2e/%2e%2e/actuator/prometheus", "/api/orders/..%2f..%2factuator/env",
				"/api/orders/..;/..;/actuator/prometheus", "/api/products/%2E%2E/%2E%2E/internal/stock/reservations",
				"/api/wallet/../../actuator/health")) {
			Api.Response anonymous = Api.anonymous().get(path);
			assertThat(anonymous.status()).as("GET %s -> %s", path, anonymous).isIn(400, 401, 403, 404);
			assertThat(anonymous.raw().body()).as(path).doesNotContain("jvm_").doesNotContain("_links");

			// an admin may read the gateway's own metrics (a path that normalises to
			// /actuator/prometheus), never a service's actuator or internal API
			Api.Response admin = Api.admin().get(path);
			if (admin.status() == 200 && path.endsWith("prometheus")) {
				assertThat(admin.raw().body()).as(path)
					.contains("tccmall_gateway_")
					.doesNotContain("hikaricp_")
					.doesNotContain("tccmall_checkout_seconds");
			}
			else {
				assertThat(admin.status()).as("GET %s -> %s", path, admin).isIn(400, 401, 403, 404);
				assertThat(admin.raw().body()).as(path).doesNotContain("jvm_").doesNotContain("_links");
			}
		}
		Api.Response health = Api.anonymous().get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().has("components")).as("no details of the parts: %s", health).isFalse();
	}

	@Test
	void shouldKeepAdminRoutesFromShoppersAndStrangers() {
		Api shopper = Api.as(Shop.fundedUser("curious", 0));
		for (String path : List.of("/api/admin/products", "/api/admin/wallets/x/top-ups", "/api/admin/coupon-templates",
				"/api/admin/reconciliation", "/api/admin/flash-sales")) {
			Api.Response asShopper = shopper.post(path, Map.of(), "new");
			Api.Response anonymous = Api.anonymous().post(path, Map.of(), "new");
			Api.Response read = shopper.get(path);

			assertThat(asShopper.status()).as("POST %s as a shopper", path).isEqualTo(403);
			assertThat(asShopper.code()).isEqualTo("FORBIDDEN");
			assertThat(read.status()).as("GET %s as a shopper", path).isEqualTo(403);
			assertThat(anonymous.status()).as("POST %s anonymously", path).isEqualTo(401);
			assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
		}
	}

	@Test
	void shouldCarryTheRequestIdIntoTheOrderServicesLog() {
		String sku = Shop.product("traced", 100, 5);
		String user = Shop.fundedUser("traced", 1_000);
		String requestId = "it-" + Shop.RUN + "-traced";

		Api.Response placed = Api.as(user)
			.postWithHeader("/api/orders", Map.of("items", List.of(line(sku, 1))), "X-Request-Id", requestId);

		assertThat(placed.status()).as("%s", placed).isEqualTo(201);
		assertThat(placed.raw().headers().firstValue("X-Request-Id")).hasValue(requestId);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(linesOf("order-service")).anyMatch(line -> line.contains(requestId)));
	}

	private static List<String> linesOf(String service) {
		try (Stream<Path> logs = Files.list(LOGS)) {
			List<String> lines = new ArrayList<>();
			for (Path log : logs.filter(p -> p.getFileName().toString().startsWith(service)).toList()) {
				lines.addAll(Files.readAllLines(log));
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long header(Api.Response response, String name) {
		return Long.parseLong(response.raw().headers().firstValue(name).orElseThrow());
	}

	private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
		List<Future<T>> futures = new ArrayList<>();
		tasks.forEach(task -> futures.add(POOL.submit(task)));
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get());
		}
		return results;
	}

}
