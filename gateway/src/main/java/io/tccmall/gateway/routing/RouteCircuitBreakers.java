package io.tccmall.gateway.routing;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breaker of every route. Spring Cloud's default time limiter is 1 s, far
 * below a checkout under load (a global transaction may take up to 30 s): a route gives
 * up only after {@code tccmall.gateway.route-timeout}, and opens after half of the last
 * 50 calls failed (connection refused, time-outs), not on slow answers.
 */
@Configuration(proxyBeanMethods = false)
class RouteCircuitBreakers {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakerDefaults(
			@Value("${tccmall.gateway.route-timeout:35s}") Duration timeout) {
		return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
			.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(timeout).build())
			.circuitBreakerConfig(CircuitBreakerConfig.custom()
				.slidingWindowSize(50)
				.minimumNumberOfCalls(20)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(5))
				.build())
			.build());
	}

}
