package io.tccmall.gateway.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's springdoc document with a service's document merged in, fetched through
 * the load balancer from a stand-in service (the other services do not answer); and the
 * Swagger UI page, both without a token. Touches no Redis (no /api/** call).
 */
@AutoConfigureWebTestClient(timeout = "60s")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tccmall.auth.secret=0123456789abcdef0123456789abcdef", "tccmall.auth.issuer=test",
				"tccmall.gateway.openapi.refresh=1s",
				"spring.cloud.discovery.client.simple.instances.inventory-service[0].uri=http://127.0.0.1:1",
				"spring.cloud.discovery.client.simple.instances.payment-service[0].uri=http://127.0.0.1:1",
				"spring.cloud.discovery.client.simple.instances.coupon-service[0].uri=http://127.0.0.1:1" })
class MergedApiDocsTest {

	private static final String ORDER_DOCUMENT = """
			{"openapi":"3.0.1","info":{"title":"order-service","version":"v0"},
			 "paths":{
			  "/api/orders":{"post":{"operationId":"place","responses":{"201":{"description":"Created"}}}},
			  "/api/orders/{orderNo}":{"get":{"operationId":"find","responses":{"200":{"description":"OK"}}}},
			  "/internal/orders":{"post":{"operationId":"internal","responses":{"200":{"description":"OK"}}}},
			  "/api/products":{"get":{"operationId":"stray","responses":{"200":{"description":"OK"}}}}},
			 "components":{"schemas":{"Problem":{"type":"object","properties":{"code":{"type":"string"}}}}}}
			""";

	private static final HttpServer ORDERS = orderService();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri",
				() -> "http://127.0.0.1:" + ORDERS.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		ORDERS.stop(0);
	}

	@Test
	void shouldServeTheGatewaysEndpointsAndTheRoutedPathsOfTheServices() throws Exception {
		JsonNode document = null;
		for (int attempt = 0; attempt < 60
				&& (document == null || !document.path("paths").has("/api/orders")); attempt++) {
			Thread.sleep(500);
			document = document();
		}

		List<String> paths = new ArrayList<>();
		document.path("paths").fieldNames().forEachRemaining(paths::add);
		assertThat(paths).containsExactlyInAnyOrder("/api/auth/token", "/api/orders", "/api/orders/{orderNo}");
		assertThat(document.at("/paths/~1api~1orders/post/operationId").asText()).isEqualTo("order-service.place");
		assertThat(document.at("/paths/~1api~1auth~1token/post/security")).isEmpty();
		assertThat(document
			.at("/paths/~1api~1auth~1token/post/responses/401/content/application~1problem+json"
					+ "/examples/BAD_CREDENTIALS/value/code")
			.asText()).isEqualTo("BAD_CREDENTIALS");
		assertThat(document.at("/components/securitySchemes/bearer-jwt/scheme").asText()).isEqualTo("bearer");
		assertThat(document.at("/components/schemas/Problem").isObject()).isTrue();
	}

	@Test
	void shouldServeTheSwaggerUiPageWithoutAToken() {
		this.client.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueMatches("Location", ".*/swagger-ui/index.html");
		this.client.get()
			.uri("/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("swagger-ui"));
		this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.url")
			.isEqualTo("/v3/api-docs");
	}

	private JsonNode document() throws IOException {
		byte[] body = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return new ObjectMapper().readTree(body);
	}

	private static HttpServer orderService() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v3/api-docs", exchange -> {
				byte[] answer = ORDER_DOCUMENT.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
