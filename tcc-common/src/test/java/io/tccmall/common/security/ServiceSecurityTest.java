package io.tccmall.common.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.common.web.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker who reaches a service's port directly, past the gateway: forged identity
 * headers, no token, a token of the wrong kind, key, issuer, audience or age, a shopper's
 * token on admin, internal and actuator paths. Every such request is refused with a
 * problem and changes nothing; the right credential passes, and the caller is the token's
 * subject, whatever a header says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "server.port=18596", "seata.enabled=false", "spring.application.name=payment-service",
				"management.endpoints.web.exposure.include=health,metrics",
				"management.endpoint.health.show-details=when-authorized", "management.endpoint.health.roles=ADMIN",
				"spring.autoconfigure.exclude=org.redisson.spring.starter.RedissonAutoConfigurationV2,"
						+ "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration" })
class ServiceSecurityTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String BASE = "http://127.0.0.1:18596";

	@Autowired
	Endpoints endpoints;

	@BeforeEach
	void reset() {
		this.endpoints.changes.set(0);
	}

	@Test
	void shouldRefuseEveryRequestWithoutACredentialEvenWithForgedIdentityHeaders() throws Exception {
		for (String path : List.of("/api/admin/top-ups", "/internal/payments", "/api/me")) {
			HttpResponse<String> response = send(
					post(path).header("X-User-Id", "attacker").header("X-User-Roles", "ADMIN,SERVICE"));
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
		}
		assertThat(send(get("/actuator/metrics")).statusCode()).isEqualTo(401);
		assertThat(this.endpoints.changes).hasValue(0);
	}

	@Test
	void shouldRefuseAShoppersTokenOnAdminInternalAndMetricsPaths() throws Exception {
		String shopper = TestTokens.user("mallory");
		for (String path : List.of("/api/admin/top-ups", "/internal/payments")) {
			HttpResponse<String> response = send(post(path).header("Authorization", shopper));
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.body()).contains("\"code\":\"FORBIDDEN\"");
		}
		assertThat(send(get("/actuator/metrics").header("Authorization", shopper)).statusCode()).isEqualTo(403);
		assertThat(this.endpoints.changes).hasValue(0);
	}

	@Test
	void shouldNeverLetAUsersRoleClaimActAsAService() throws Exception {
		String selfMade = TestTokens.userWithRoles("mallory", "SERVICE", CallerKind.SERVICE, "ADMIN");

		assertThat(send(post("/internal/payments").header("Authorization", selfMade)).statusCode()).isEqualTo(403);
		assertThat(this.endpoints.changes).hasValue(0);
	}

	@Test
	void shouldRefuseAServiceTokenOnTheUsersPaths() throws Exception {
		String service = TestTokens.service("order-service", "payment-service");

		assertThat(send(post("/api/admin/top-ups").header("Authorization", service)).statusCode()).isEqualTo(403);
		assertThat(send(post("/api/me").header("Authorization", service)).statusCode()).isEqualTo(403);
		assertThat(this.endpoints.changes).hasValue(0);
	}

	@Test
	void shouldRefuseTokensOfTheWrongKeyIssuerAudienceAgeOrAlgorithm() throws Exception {
		String forgedKey = TestTokens.sign("an-attackers-own-key-0123456789abcdef0123", TestTokens.ISSUER, "admin",
				List.of(), List.of("ADMIN"), Duration.ofMinutes(5));
		String foreignIssuer = TestTokens.sign(TestTokens.USER_SECRET, "someone-else", "admin", List.of(),
				List.of("ADMIN"), Duration.ofMinutes(5));
		String expired = TestTokens.sign(TestTokens.USER_SECRET, TestTokens.ISSUER, "admin", List.of(),
				List.of("ADMIN"), Duration.ofMinutes(-5));
		String serviceSignedWithUserKey = TestTokens.sign(TestTokens.USER_SECRET, AuthProperties.SERVICE_ISSUER,
				"order-service", List.of("payment-service"), List.of(), Duration.ofMinutes(5));
		String otherAudience = TestTokens.service("order-service", "inventory-service");
		String algNone = "Bearer " + base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
				+ base64("{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"admin\",\"roles\":[\"ADMIN\"],\"exp\":"
						+ (System.currentTimeMillis() / 1000 + 300) + "}")
				+ ".";
		String tampered = tamper(TestTokens.user("mallory"));

		for (String token : List.of(forgedKey, foreignIssuer, expired, algNone, tampered)) {
			assertThat(send(post("/api/admin/top-ups").header("Authorization", token)).statusCode()).as(token)
				.isEqualTo(401);
		}
		for (String token : List.of(serviceSignedWithUserKey, otherAudience)) {
			assertThat(send(post("/internal/payments").header("Authorization", token)).statusCode()).as(token)
				.isEqualTo(401);
		}
		assertThat(this.endpoints.changes).hasValue(0);
	}

	@Test
	void shouldTakeTheCallerFromTheTokenAndNeverFromAHeader() throws Exception {
		HttpResponse<String> response = send(post("/api/me").header("Authorization", TestTokens.user("alice"))
			.header("X-User-Id", "bob")
			.header("X-User-Roles", "ADMIN"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("alice []");
	}

	@Test
	void shouldServeEachCredentialWhatItIsFor() throws Exception {
		assertThat(send(post("/api/admin/top-ups").header("Authorization", TestTokens.admin("root"))).statusCode())
			.isEqualTo(200);
		assertThat(send(post("/internal/payments").header("Authorization",
				TestTokens.service("order-service", "payment-service")))
			.statusCode()).isEqualTo(200);
		assertThat(this.endpoints.changes).hasValue(2);
		assertThat(
				send(get("/actuator/metrics").header("Authorization", TestTokens.userWithRoles("scraper", "METRICS")))
					.statusCode())
			.isEqualTo(200);
	}

	@Test
	void shouldShowProbesTheHealthStatusButOnlyAnAdminItsDetails() throws Exception {
		HttpResponse<String> anonymous = send(get("/actuator/health"));
		HttpResponse<String> admin = send(get("/actuator/health").header("Authorization", TestTokens.admin("root")));

		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components");
		assertThat(admin.body()).contains("components");
	}

	private static HttpRequest.Builder post(String path) {
		return HttpRequest.newBuilder(URI.create(BASE + path)).POST(HttpRequest.BodyPublishers.noBody());
	}

	private static HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create(BASE + path));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
	}

	/** The same signature over a payload that now claims the ADMIN role. */
	private static String tamper(String bearer) {
		String[] parts = bearer.substring("Bearer ".length()).split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
		return "Bearer " + parts[0] + "." + base64(payload.replace("\"sub\"", "\"roles\":[\"ADMIN\"],\"sub\"")) + "."
				+ parts[2];
	}

	@RestController
	static class Endpoints {

		final AtomicInteger changes = new AtomicInteger();

		@PostMapping("/api/admin/top-ups")
		String topUp(Caller caller) {
			caller.requireAdmin();
			this.changes.incrementAndGet();
			return "ok";
		}

		@PostMapping("/internal/payments")
		String debit() {
			this.changes.incrementAndGet();
			return "ok";
		}

		@PostMapping("/api/me")
		String me(Caller caller) {
			return caller.userId() + " " + caller.roles();
		}

		@GetMapping("/api/ping")
		String ping() {
			return "pong";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	static class TestApp {

		@Bean
		Endpoints endpoints() {
			return new Endpoints();
		}

	}

}
