package io.tccmall.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 tokens the local gateway accepts, minted the way {@code ./tccmall token} mints
 * them (secret and issuer from {@code TCCMALL_JWT_SECRET} / {@code TCCMALL_JWT_ISSUER},
 * which the script exports from deploy/local.env), without a fork per user.
 */
public final class Tokens {

	private final String secret;

	private final String issuer;

	private final Duration lifetime;

	public Tokens(String secret, String issuer, Duration lifetime) {
		if (secret == null || secret.length() < 32) {
			throw new IllegalArgumentException("TCCMALL_JWT_SECRET is missing or too short for HS256 (32+ characters)");
		}
		this.secret = secret;
		this.issuer = issuer;
		this.lifetime = lifetime;
	}

	public static Tokens fromEnvironment(Duration lifetime) {
		return new Tokens(System.getenv("TCCMALL_JWT_SECRET"),
				System.getenv().getOrDefault("TCCMALL_JWT_ISSUER", "tccmall-local"), lifetime);
	}

	public String shopper(String userId) {
		return mint(userId, "[]");
	}

	public String admin() {
		return mint("bench-admin", "[\"ADMIN\"]");
	}

	private String mint(String userId, String rolesJson) {
		long now = Instant.now().getEpochSecond();
		String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
		String claims = b64("{\"sub\":\"" + userId + "\",\"roles\":" + rolesJson + ",\"iss\":\"" + this.issuer
				+ "\",\"iat\":" + now + ",\"exp\":" + (now + this.lifetime.toSeconds()) + "}");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
			return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
