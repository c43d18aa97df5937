package io.tccmall.common.resilience;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

@AutoConfiguration(
		afterName = { "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
				"io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration" })
@ConditionalOnBean({ CircuitBreakerRegistry.class, TimeLimiterRegistry.class })
public class ResilienceAutoConfiguration {

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean(name = "participantCallExecutor")
	ExecutorService participantCallExecutor() {
		// one short-lived hop per participant call: a cached pool, so a slow participant
		// cannot starve the others
		return Executors.newCachedThreadPool(threads());
	}

	private static CustomizableThreadFactory threads() {
		CustomizableThreadFactory factory = new CustomizableThreadFactory("participant-call-");
		factory.setDaemon(true);
		return factory;
	}

	@Bean
	@ConditionalOnMissingBean
	ParticipantCalls participantCalls(CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters,
			ExecutorService participantCallExecutor) {
		return new ParticipantCalls(circuitBreakers, timeLimiters, participantCallExecutor);
	}

}
