package io.tccmall.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.tccmall.gateway.TestTokens;
import io.tccmall.gateway.protection.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens an attacker would try at the gateway (issue 20, finding 7): alg none, a tampered
 * payload, an expired token, another issuer, another key. Each is a 401 problem and
 * reaches no service. And with Redis out of reach (this context points at a closed port)
 * the token endpoint fails closed with a 503, while a valid shopper still gets through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tccmall.auth.secret=0123456789abcdef0123456789abcdef", "tccmall.auth.issuer=test",
				"tccmall.auth.users[0].username=alice", "tccmall.auth.users[0].password={noop}secret",
				"spring.data.redis.port=1" })
class TokenAttacksIT {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static final StubService ORDERS = new StubService();

	@Autowired
	WebTestClient client;

	@Autowired
	JwtEncoder jwt;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", ORDERS::uri);
	}

	@AfterAll
	static void stopStub() {
		ORDERS.close();
	}

	@Test
	void shouldRefuseEveryForgedOrStaleTokenAndLetNoneReachAService() {
		Instant now = Instant.now();
		String foreignKey = sign("another-key-of-32-characters-at-least!!", "test", "mallory", now.plusSeconds(600));
		String foreignIssuer = sign(SECRET, "someone-else", "mallory", now.plusSeconds(600));
		String expired = sign(SECRET, "test", "mallory", now.minusSeconds(120));
		String algNone = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
				+ b64("{\"iss\":\"test\",\"sub\":\"mallory\",\"exp\":" + now.plusSeconds(600).getEpochSecond() + "}")
				+ ".";
		String[] parts = TestTokens.shopper(this.jwt, "mallory").split("\\.");
		String tampered = parts[0] + "." + b64(
				new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("mallory", "alice"))
				+ "." + parts[2];

		for (String token : List.of(foreignKey, foreignIssuer, expired, algNone, tampered)) {
			this.client.get()
				.uri("/api/orders")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("UNAUTHENTICATED");
		}
		assertThat(ORDERS.calls()).filteredOn(call -> call.path().equals("/api/orders")).isEmpty();
	}

	@Test
	void shouldRefuseSigningInWhileTheRateLimiterIsUnavailableButServeShoppers() {
		this.client.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "alice", "password", "secret"))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("SERVICE_UNAVAILABLE");

		this.client.get()
			.uri("/api/orders/summary")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shopper(this.jwt, "bob"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(ORDERS.calls()).filteredOn(call -> "bob".equals(call.userId())).hasSize(1);
	}

	private static String sign(String secret, String issuer, String subject, Instant expiresAt) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(issuer)
			.subject(subject)
			.issuedAt(expiresAt.minusSeconds(600))
			.expiresAt(expiresAt)
			.build();
		return new NimbusJwtEncoder(
				new ImmutableSecret<>(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")))
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	private static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
