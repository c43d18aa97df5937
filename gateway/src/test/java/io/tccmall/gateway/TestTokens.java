package io.tccmall.gateway;

import java.time.Instant;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** A shopper's bearer token for the tests' issuer "test", valid ten minutes. */
public final class TestTokens {

	private TestTokens() {
	}

	public static String shopper(JwtEncoder jwt, String user) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("test")
			.subject(user)
			.issuedAt(now)
			.expiresAt(now.plusSeconds(600))
			.build();
		return jwt.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

}
