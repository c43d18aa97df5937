package io.tccmall.common.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Real tokens signed with the test JVM's keys ({@link TestCredentialsListener}), as
 * {@code Authorization} header values.
 */
public final class TestTokens {

	public static final String ISSUER = "tccmall-test";

	public static final String USER_SECRET = "test-user-key-0123456789abcdef0123456789abcdef";

	public static final String SERVICE_SECRET = "test-service-key-0123456789abcdef0123456789abcdef";

	private TestTokens() {
	}

	/** A shopper's token, as the gateway issues it. */
	public static String user(String userId) {
		return userWithRoles(userId);
	}

	/** An admin's token. */
	public static String admin(String userId) {
		return userWithRoles(userId, "ADMIN");
	}

	public static String userWithRoles(String userId, String... roles) {
		return sign(USER_SECRET, ISSUER, userId, List.of(), List.of(roles), Duration.ofMinutes(5));
	}

	/** What {@code service} presents to {@code audience} (a Feign call). */
	public static String service(String service, String audience) {
		return sign(SERVICE_SECRET, "tccmall-services", service, List.of(audience), List.of(), Duration.ofMinutes(5));
	}

	/** Any token: a forged key, a foreign issuer, an expired one. */
	public static String sign(String secret, String issuer, String subject, List<String> audience, List<String> roles,
			Duration ttl) {
		Instant now = Instant.now();
		Instant expiresAt = now.plus(ttl);
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(issuer)
			.subject(subject)
			.issuedAt(ttl.isNegative() ? expiresAt.minusSeconds(60) : now.minusSeconds(1))
			.expiresAt(expiresAt);
		if (!audience.isEmpty()) {
			claims.audience(audience);
		}
		if (!roles.isEmpty()) {
			claims.claim("roles", roles);
		}
		var encoder = new NimbusJwtEncoder(
				new ImmutableSecret<>(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		return "Bearer "
				+ encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
					.getTokenValue();
	}

}
