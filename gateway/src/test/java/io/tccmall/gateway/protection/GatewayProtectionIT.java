package io.tccmall.gateway.protection;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.tccmall.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The gateway's protections, end to end through the real gateway, a real Redis
 * (127.0.0.1:6379, keys under a prefix of this run that expire by themselves) and a stub
 * service counting what reaches it. Small limits make "far over the limit" cheap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tccmall.auth.secret=0123456789abcdef0123456789abcdef", "tccmall.auth.issuer=test",
				"tccmall.gateway.rate-limits.groups.api.per-user.replenish-rate=1",
				"tccmall.gateway.rate-limits.groups.api.per-user.burst-capacity=5",
				"tccmall.gateway.rate-limits.groups.flash-sales.per-user.replenish-rate=1",
				"tccmall.gateway.rate-limits.groups.flash-sales.per-user.burst-capacity=2",
				"tccmall.gateway.rate-limits.groups.auth.per-ip.replenish-rate=1",
				"tccmall.gateway.rate-limits.groups.auth.per-ip.burst-capacity=3" })
class GatewayProtectionIT {

	private static final StubService ORDERS = new StubService();

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	WebTestClient client;

	@Autowired
	JwtEncoder jwt;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", ORDERS::uri);
		registry.add("tccmall.gateway.rate-limits.key-prefix", () -> "gateway-it-" + RUN);
	}

	@AfterAll
	static void stopStub() {
		ORDERS.close();
	}

	@Test
	void shouldRefuseAUserFarOverTheLimitAndLetOnlyTheAllowedRateThrough() {
		String greedy = user("greedy");
		Instant start = Instant.now();
		List<EntityExchangeResult<byte[]>> answers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			answers.add(get("/api/orders", greedy));
		}
		long seconds = Duration.between(start, Instant.now()).toSeconds() + 1;

		List<EntityExchangeResult<byte[]>> allowed = answers.stream()
			.filter(a -> a.getStatus().value() == 200)
			.toList();
		List<EntityExchangeResult<byte[]>> refused = answers.stream()
			.filter(a -> a.getStatus().value() == 429)
			.toList();
		assertThat(allowed.size() + refused.size()).isEqualTo(30);
		// the burst, plus one token a second while the loop ran
		assertThat(allowed).hasSizeBetween(5, (int) (5 + seconds));
		assertThat(ORDERS.callsOf(greedy)).isEqualTo(allowed.size());
		assertThat(allowed.get(0).getResponseHeaders().getFirst("X-RateLimit-Burst-Capacity")).isEqualTo("5");
		assertThat(allowed.get(0).getResponseHeaders().getFirst("X-RateLimit-Replenish-Rate")).isEqualTo("1");
		assertThat(refused).allSatisfy(answer -> {
			assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
			assertThat(answer.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
			assertThat(new String(answer.getResponseBody())).contains("\"code\":\"RATE_LIMITED\"")
				.contains("\"status\":429");
		});
		assertThat(get("/api/orders", user("modest")).getStatus().value()).isEqualTo(200);
	}

	private double refusals(String group) {
		return this.meters.get("tccmall.gateway.rate.limited").tag("group", group).counter().count();
	}

	@Test
	void shouldLimitFlashSalesMoreStrictlyThanTheRestOfTheApi() {
		String buyer = user("flash");
		double refusedBefore = refusals("flash-sales");
		List<Integer> flash = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			flash.add(get("/api/flash-sales/1", buyer).getStatus().value());
		}

		assertThat(flash.subList(0, 2)).containsOnly(200);
		assertThat(flash).filteredOn(status -> status == 429).hasSizeGreaterThanOrEqualTo(3);
		assertThat(refusals("flash-sales")).as("tccmall.gateway.rate.limited{group=flash-sales}")
			.isEqualTo(refusedBefore + flash.stream().filter(status -> status == 429).count());
		assertThat(get("/api/orders", buyer).getStatus().value()).isEqualTo(200);
	}

	@Test
	void shouldLimitTheTokenEndpointPerClientAddressWhateverXForwardedForSays() {
		List<Integer> statuses = new ArrayList<>();
		Instant start = Instant.now();
		for (int i = 0; i < 12; i++) {
			statuses.add(this.client.post()
				.uri("/api/auth/token")
				.header("X-Forwarded-For", "10.0.0." + i)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", "nobody", "password", "guess" + i))
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
		}
		long seconds = Duration.between(start, Instant.now()).toSeconds() + 1;

		assertThat(statuses).containsOnly(401, 429);
		assertThat(statuses.subList(0, 3)).containsOnly(401);
		assertThat(statuses).filteredOn(status -> status == 401).hasSizeBetween(3, (int) (3 + seconds));
	}

	@Test
	void shouldExposeTheRateLimitCounterOfEveryGroupBeforeAnyRefusal() {
		assertThat(this.meters.find("tccmall.gateway.rate.limited").counters())
			.extracting(counter -> counter.getId().getTag("group"))
			.contains("api", "flash-sales", "auth");
	}

	@Test
	void shouldRefuseAnOversizedBodyBeforeAnyServiceSeesIt() {
		String user = user("bulky");
		byte[] big = new byte[70 * 1024];

		this.client.post()
			.uri("/api/orders")
			.headers(h -> h.setBearerAuth(token(user)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(big)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");
		this.client.post()
			.uri("/api/orders")
			.headers(h -> h.setBearerAuth(token(user)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromDataBuffers(chunks(big, 8 * 1024)))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");

		assertThat(ORDERS.callsOf(user)).isZero();
	}

	@Test
	void shouldPassAChunkedBodyUnderTheLimitOnWhole() {
		String user = user("chunky");

		this.client.post()
			.uri("/api/orders")
			.headers(h -> h.setBearerAuth(token(user)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromDataBuffers(chunks(new byte[20 * 1024], 4 * 1024)))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(ORDERS.calls()).filteredOn(call -> user.equals(call.userId()))
			.singleElement()
			.extracting(StubService.Call::bodyBytes)
			.isEqualTo(20 * 1024);
	}

	@Test
	void shouldGiveEveryRequestAnIdThatTheServiceAndTheClientSee() {
		String user = user("traced");
		String generated = get("/api/orders/generated", user).getResponseHeaders().getFirst("X-Request-Id");
		String kept = this.client.get()
			.uri("/api/orders/kept")
			.headers(h -> h.setBearerAuth(token(user)))
			.header("X-Request-Id", "client-id-42")
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		String replaced = this.client.get()
			.uri("/api/orders/replaced")
			.headers(h -> h.setBearerAuth(token(user)))
			.header("X-Request-Id", "no spaces; or <tags>")
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		String refused = this.client.get()
			.uri("/api/orders")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");

		assertThat(generated).matches("[0-9a-f-]{36}");
		assertThat(kept).isEqualTo("client-id-42");
		assertThat(replaced).matches("[0-9a-f-]{36}");
		assertThat(refused).matches("[0-9a-f-]{36}");
		assertThat(ORDERS.calls()).filteredOn(call -> user.equals(call.userId()))
			.extracting(StubService.Call::path, StubService.Call::requestId)
			.containsExactlyInAnyOrder(tuple("/api/orders/generated", generated),
					tuple("/api/orders/kept", "client-id-42"), tuple("/api/orders/replaced", replaced));
	}

	private EntityExchangeResult<byte[]> get(String path, String user) {
		return this.client.get()
			.uri(path)
			.headers(h -> h.setBearerAuth(token(user)))
			.exchange()
			.expectBody()
			.returnResult();
	}

	private static String user(String name) {
		return name + "-" + RUN;
	}

	private String token(String user) {
		return TestTokens.shopper(this.jwt, user);
	}

	private static Flux<DataBuffer> chunks(byte[] bytes, int size) {
		List<DataBuffer> buffers = new ArrayList<>();
		for (int offset = 0; offset < bytes.length; offset += size) {
			buffers.add(DefaultDataBufferFactory.sharedInstance
				.wrap(ByteBuffer.wrap(bytes, offset, Math.min(size, bytes.length - offset))));
		}
		return Flux.fromIterable(buffers);
	}

}
