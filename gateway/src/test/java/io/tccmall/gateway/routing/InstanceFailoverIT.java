package io.tccmall.gateway.routing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import io.tccmall.gateway.protection.StubService;
import io.tccmall.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes' instance failover, through the real gateway: each service has two
 * instances, one of which refuses connections (stopped or killed). A request the dead
 * instance refused reaches the live one exactly once, body and all, whatever its method;
 * an error answer from a live instance is passed on, never sent a second time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tccmall.auth.secret=0123456789abcdef0123456789abcdef", "tccmall.auth.issuer=test" })
class InstanceFailoverIT {

	private static final StubService ORDERS = new StubService();

	private static final StubService FAILING_WALLETS = new StubService(500);

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	WebTestClient client;

	@Autowired
	JwtEncoder jwt;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		String dead = "http://127.0.0.1:" + freePort();
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", () -> dead);
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[1].uri", ORDERS::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.payment-service[0].uri", () -> dead);
		registry.add("spring.cloud.discovery.client.simple.instances.payment-service[1].uri", FAILING_WALLETS::uri);
		registry.add("tccmall.gateway.rate-limits.key-prefix", () -> "failover-it-" + RUN);
	}

	@AfterAll
	static void stopStubs() {
		ORDERS.close();
		FAILING_WALLETS.close();
	}

	@Test
	void shouldSendEveryRequestTheDeadInstanceRefusedToTheLiveOneExactlyOnce() {
		String user = "buyer-" + RUN;
		for (int i = 0; i < 6; i++) {
			this.client.post()
				.uri("/api/orders")
				.headers(h -> h.setBearerAuth(token(user)))
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"items\":[{\"skuId\":\"sku-1\",\"quantity\":" + (i + 1) + "}]}")
				.exchange()
				.expectStatus()
				.isOk();
		}

		assertThat(ORDERS.calls()).filteredOn(call -> user.equals(call.userId()))
			.hasSize(6)
			.allSatisfy(call -> assertThat(call.bodyBytes()).isEqualTo(42));
	}

	@Test
	void shouldPassOnAnErrorAnswerWithoutSendingTheRequestAgain() {
		String user = "payer-" + RUN;
		for (int i = 0; i < 4; i++) {
			this.client.post()
				.uri("/api/wallet")
				.headers(h -> h.setBearerAuth(token(user)))
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isEqualTo(500);
		}

		assertThat(FAILING_WALLETS.calls()).filteredOn(call -> user.equals(call.userId())).hasSize(4);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private String token(String user) {
		return TestTokens.shopper(this.jwt, user);
	}

}
