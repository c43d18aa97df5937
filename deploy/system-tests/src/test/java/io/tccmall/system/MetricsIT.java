package io.tccmall.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each service's own Prometheus endpoint (not reachable through the gateway) carries the
 * {@code tccmall_*} metrics after a checkout, and every series name the dashboards may
 * use ({@code deploy/grafana/metrics.txt}) is exposed by at least one app.
 */
class MetricsIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Path METRICS_TXT = Path.of(System.getProperty("tccmall.root", "../.."))
		.resolve("deploy/grafana/metrics.txt");

	/** The gateway, then each backend service (order, inventory, payment, coupon). */
	private static final List<Integer> APPS = List.of(8080, 8081, 8082, 8083, 8084);

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldExposeCheckoutLockIdempotencyAndOutboxMetrics() {
		String sku = Shop.product("meter", 1200, 5);
		String user = Shop.fundedUser("measured", 10_000);
		String orderNo = Shop.placeOrder(user, List.of(line(sku, 1)), null).text("orderNo");
		Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "pay-" + orderNo);
		Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "pay-" + orderNo);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String order = scrapeAll(8081);
			assertThat(order).contains("tccmall_checkout_seconds_count{", "operation=\"place\"", "operation=\"pay\"",
					"tccmall_lock_wait_seconds_count{", "tccmall_idempotency_replays_total",
					"tccmall_outbox_published_total", "tccmall_outbox_lag_seconds", "tccmall_flash_sale_queue_depth",
					"resilience4j_circuitbreaker_state", "hikaricp_connections_active");
			assertThat(scrapeAll(8083)).contains("tccmall_outbox_published_total");
		});
	}

	@Test
	void shouldExposeEverySeriesTheDashboardsMayUse() throws Exception {
		List<String> names = Files.readAllLines(METRICS_TXT)
			.stream()
			.map(String::trim)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(names).as(METRICS_TXT + " lists metric names").hasSizeGreaterThan(10);
		String sku = Shop.product("dashboard", 900, 5);
		String user = Shop.fundedUser("dashboards", 10_000);
		String orderNo = Shop.placeOrder(user, List.of(line(sku, 1)), null).text("orderNo");
		Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "pay-" + orderNo);
		admitToAFlashSale(Shop.product("dashboard-sale", 900, 5), user);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			StringBuilder all = new StringBuilder();
			for (int port : APPS) {
				all.append(port == 8080 ? scrape(port) : scrapeAll(port)).append('\n');
			}
			String scraped = all.toString();
			assertThat(names.stream().filter(name -> !exposes(scraped, name)).toList())
				.as("series in metrics.txt that no app exposes")
				.isEmpty();
		});
	}

	@Test
	void shouldServeTheGatewaysMetricsOnlyToAScraperWithTheMetricsRole() throws Exception {
		URI uri = URI.create(Stack.GATEWAY + "/actuator/prometheus");
		HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> shopper = HTTP.send(HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + Tokens.shopper("metrics-peeker"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> scraper = HTTP.send(
				HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + Tokens.metrics()).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(shopper.statusCode()).isEqualTo(403);
		assertThat(scraper.statusCode()).isEqualTo(200);
		assertThat(scraper.body()).contains("tccmall_gateway_rate_limited_total");
	}

	/** The flash-sale admission counter exists once a buyer was admitted (or refused). */
	private static void admitToAFlashSale(String sku, String buyer) {
		Instant now = Instant.now();
		Api.Response sale = Api.admin()
			.post("/api/admin/flash-sales",
					Map.of("skuId", sku, "units", 1, "priceCents", 500, "startsAt", now.minusSeconds(1).toString(),
							"endsAt", now.plus(Duration.ofMinutes(30)).toString(), "perUserLimit", 1,
							"paymentDeadlineSeconds", 60),
					"metrics-" + sku);
		assertThat(sale.status()).as("%s", sale).isEqualTo(201);
		Api.Response admission = Api.as(buyer)
			.post("/api/flash-sales/" + sale.text("saleId") + "/orders", Map.of(), "metrics-" + sku);
		assertThat(admission.status()).as("%s", admission).isEqualTo(202);
	}

	/** A sample line of the series (not just its HELP/TYPE comment). */
	private static boolean exposes(String scraped, String name) {
		return Pattern.compile("^" + Pattern.quote(name) + "[{ ]", Pattern.MULTILINE).matcher(scraped).find();
	}

	/** Both instances of the service: the requests went to either. */
	private static String scrapeAll(int port) throws Exception {
		return scrape(port) + scrape(port + 100);
	}

	private static String scrape(int port) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"));
		// every part's metrics are for scrapers with the METRICS role only
		request.header("Authorization", "Bearer " + Tokens.metrics());
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET http://127.0.0.1:%d/actuator/prometheus", port).isEqualTo(200);
		return response.body();
	}

}
