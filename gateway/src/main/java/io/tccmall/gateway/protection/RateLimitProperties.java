package io.tccmall.gateway.protection;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/**
 * The token buckets of the gateway: per group of paths, one bucket per user (the token's
 * subject) and one per client address. A request counts against the most specific group
 * whose paths match it; paths in no group are not limited.
 *
 * @param keyPrefix the start of every bucket's key in Redis (tests use one of their own)
 * @param trustedProxies how many proxies in front of the gateway append to
 * {@code X-Forwarded-For}; 0 (the default) takes the client address from the connection
 * @param groups the limits by group name
 */
@ConfigurationProperties("tccmall.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("tccmall") String keyPrefix, @DefaultValue("0") int trustedProxies,
		Map<String, Group> groups) {

	public RateLimitProperties {
		groups = (groups != null) ? groups : Map.of();
	}

	/**
	 * @param paths path patterns, e.g. {@code /api/flash-sales/**}
	 * @param perUser the bucket of each authenticated user, or none
	 * @param perIp the bucket of each client address, or none
	 * @param failClosed refuse the group's requests (503) while the limiter cannot reach
	 * Redis, instead of letting them through unlimited (the token endpoint: password
	 * guessing must never go unlimited)
	 */
	public record Group(List<String> paths, Limit perUser, Limit perIp, boolean failClosed) {

		public Group {
			paths = (paths != null) ? paths : List.of();
		}

	}

	/**
	 * A token bucket: {@code replenishRate} tokens a second, at most
	 * {@code burstCapacity}, {@code requestedTokens} per request.
	 */
	public record Limit(int replenishRate, int burstCapacity, @DefaultValue("1") int requestedTokens) {

		public Limit {
			if (replenishRate < 1 || requestedTokens < 1 || burstCapacity < requestedTokens) {
				throw new IllegalArgumentException("a rate limit needs replenish-rate >= 1, requested-tokens >= 1 and "
						+ "burst-capacity >= requested-tokens, not " + replenishRate + "/" + burstCapacity + "/"
						+ requestedTokens);
			}
		}

		RedisRateLimiter.Config toConfig() {
			return new RedisRateLimiter.Config().setReplenishRate(this.replenishRate)
				.setBurstCapacity(this.burstCapacity)
				.setRequestedTokens(this.requestedTokens);
		}

		/** Whole seconds until an empty bucket holds the tokens of one request again. */
		long retryAfterSeconds() {
			return Math.max(1, (this.requestedTokens + this.replenishRate - 1) / this.replenishRate);
		}

	}

}
