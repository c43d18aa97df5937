package io.tccmall.gateway.protection;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter} with its own token-bucket script held
 * in memory. The auto-configured script reads its file through a
 * {@code ResourceScriptSource} that asks the class loader for the file's modification
 * time on every call, in a synchronized block (spring-data-redis#2128): measured at 6-7 %
 * of the gateway's CPU under checkout load, for a file inside a jar that never changes.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

	@Bean
	@SuppressWarnings({ "unchecked", "rawtypes" })
	RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis,
			@Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> gatewayScript,
			ConfigurationService configurations) {
		RedisScript<List<Long>> inMemory = (RedisScript) RedisScript.of(gatewayScript.getScriptAsString(), List.class);
		return new RedisRateLimiter(redis, inMemory, configurations);
	}

}
