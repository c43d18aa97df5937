package io.tccmall.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One state-changing request as the idempotency store sees it: whose it is, which
 * operation, the client's key, and a fingerprint of everything else the request says
 * (path variables and body), so the same key with a different request is caught.
 */
public record IdempotentRequest(String userId, String operation, String key, String fingerprint) {

	public static IdempotentRequest of(String userId, String operation, String key, String canonicalRequest) {
		return new IdempotentRequest(userId, operation, key, sha256(canonicalRequest));
	}

	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String lockKey() {
		return "idempotency:" + this.operation + ":" + this.userId + ":" + this.key;
	}

}
