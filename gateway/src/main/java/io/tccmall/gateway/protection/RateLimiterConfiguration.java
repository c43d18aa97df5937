package io.tccmall.gateway.protection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter} with its own token-bucket script, read
 * once. The auto-configured limiter reads the script through a
 * {@code ResourceScriptSource} that asks the class loader for the file's modification
 * time on every call, in a synchronized block (spring-data-redis#2128): measured at 6-7 %
 * of the gateway's CPU under checkout load, for a file inside a jar that never changes.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

	static final String SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

	@Bean
	@SuppressWarnings({ "unchecked", "rawtypes" })
	RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configurations)
			throws IOException {
		String script = new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
		RedisScript<List<Long>> tokenBucket = (RedisScript) RedisScript.of(script, List.class);
		return new RedisRateLimiter(redis, tokenBucket, configurations);
	}

}
