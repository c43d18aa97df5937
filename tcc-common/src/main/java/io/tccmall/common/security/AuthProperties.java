package io.tccmall.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The credentials a service accepts and presents.
 *
 * @param issuer issuer of the users' tokens (the gateway's {@code tccmall.auth.issuer})
 * @param secret HMAC key of the users' tokens, shared with the gateway (32+ characters)
 * @param serviceSecret HMAC key of the service tokens, which only the services hold (32+
 * characters, different from {@code secret}): the gateway can never mint one
 * @param serviceTokenTtl how long a service token minted for a Feign call is valid
 */
@ConfigurationProperties("tccmall.auth")
public record AuthProperties(String issuer, String secret, String serviceSecret, Duration serviceTokenTtl) {

	/** The issuer of every service token. */
	public static final String SERVICE_ISSUER = "tccmall-services";

	static final int MIN_SECRET_LENGTH = 32;

	/** A service refuses to start without both keys, or with one key for both. */
	public AuthProperties {
		serviceTokenTtl = (serviceTokenTtl != null) ? serviceTokenTtl : Duration.ofMinutes(5);
		require(secret, "tccmall.auth.secret (TCCMALL_JWT_SECRET)");
		require(serviceSecret, "tccmall.auth.service-secret (TCCMALL_SERVICE_SECRET)");
		if (secret.equals(serviceSecret)) {
			throw new IllegalStateException("tccmall.auth.service-secret must differ from tccmall.auth.secret: the"
					+ " gateway holds the users' key and must not be able to act as a service");
		}
		if (issuer == null || issuer.isBlank() || SERVICE_ISSUER.equals(issuer)) {
			throw new IllegalStateException(
					"tccmall.auth.issuer (TCCMALL_JWT_ISSUER) must be set and differ from " + SERVICE_ISSUER);
		}
	}

	private static void require(String secret, String name) {
		if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
			throw new IllegalStateException(name + " must be set to at least " + MIN_SECRET_LENGTH + " characters");
		}
	}

}
