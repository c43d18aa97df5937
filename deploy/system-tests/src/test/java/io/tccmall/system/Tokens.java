package io.tccmall.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints HS256 tokens the local gateway accepts, for any user id, with the local-only
 * secret of {@code deploy/local.env} (or {@code TCCMALL_JWT_SECRET}) — what
 * {@code ./tccmall token} does, without a fork per user.
 */
public final class Tokens {

	private static final String SECRET = secret();

	private Tokens() {
	}

	public static String shopper(String userId) {
		return mint(userId, "[]");
	}

	/** What a Prometheus scraping the gateway carries. */
	public static String metrics() {
		return mint("prometheus", "[\"METRICS\"]");
	}

	public static String admin() {
		return mint("it-admin", "[\"ADMIN\"]");
	}

	static String mint(String userId, String rolesJson) {
		return signed(userId, "tccmall-local", rolesJson, "");
	}

	/**
	 * A token signed with the local users' key, with any issuer and extra claims (each
	 * followed by a comma).
	 */
	static String signed(String subject, String issuer, String rolesJson, String extraClaims) {
		long now = Instant.now().getEpochSecond();
		String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
		String claims = b64("{" + extraClaims + "\"sub\":\"" + subject + "\",\"iss\":\"" + issuer + "\",\"roles\":"
				+ rolesJson + ",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
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

	private static String secret() {
		String fromEnv = System.getenv("TCCMALL_JWT_SECRET");
		if (fromEnv != null && !fromEnv.isBlank()) {
			return fromEnv;
		}
		Path env = Path.of(System.getProperty("tccmall.root", "../..")).resolve("deploy/local.env");
		try {
			Matcher matcher = Pattern.compile("TCCMALL_JWT_SECRET:=([^}\"]+)").matcher(Files.readString(env));
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + env, ex);
		}
		throw new IllegalStateException("no TCCMALL_JWT_SECRET in " + env);
	}

}
