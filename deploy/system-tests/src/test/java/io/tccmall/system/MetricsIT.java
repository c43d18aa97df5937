package io.tccmall.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each service's own Prometheus endpoint (not reachable through the gateway) carries the
 * {@code tccmall_*} metrics after a checkout.
 */
class MetricsIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

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

	/** Both instances of the service: the requests went to either. */
	private static String scrapeAll(int port) throws Exception {
		return scrape(port) + scrape(port + 100);
	}

	private static String scrape(int port) throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
