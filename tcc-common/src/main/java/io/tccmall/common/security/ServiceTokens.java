package io.tccmall.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Short-lived service tokens this service presents to another: issuer
 * {@value AuthProperties#SERVICE_ISSUER}, subject this service, audience the callee (a
 * token for inventory-service is refused by payment-service). One token per callee is
 * reused until half its lifetime has passed, so a call signs nothing.
 */
public class ServiceTokens {

	private final JwtEncoder encoder;

	private final String service;

	private final Duration ttl;

	private final Clock clock;

	private final Map<String, Minted> byAudience = new ConcurrentHashMap<>();

	ServiceTokens(SecretKey key, String service, Duration ttl) {
		this(key, service, ttl, Clock.systemUTC());
	}

	ServiceTokens(SecretKey key, String service, Duration ttl, Clock clock) {
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		this.service = service;
		this.ttl = ttl;
		this.clock = clock;
	}

	/** A valid token for calls to {@code audience} (the callee's application name). */
	public String forAudience(String audience) {
		Instant now = this.clock.instant();
		Minted current = this.byAudience.get(audience);
		if (current == null || !now.isBefore(current.renewAt())) {
			current = mint(audience, now);
			this.byAudience.put(audience, current);
		}
		return current.token();
	}

	private Minted mint(String audience, Instant now) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(AuthProperties.SERVICE_ISSUER)
			.subject(this.service)
			.audience(List.of(audience))
			.issuedAt(now)
			.expiresAt(now.plus(this.ttl))
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new Minted(token, now.plus(this.ttl.dividedBy(2)));
	}

	private record Minted(String token, Instant renewAt) {
	}

}
