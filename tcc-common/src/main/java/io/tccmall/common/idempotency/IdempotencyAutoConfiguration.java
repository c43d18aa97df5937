package io.tccmall.common.idempotency;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tccmall.common.lock.LockAutoConfiguration;
import io.tccmall.common.lock.LockTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Idempotent requests for a service whose database has the {@code idempotency_record}
 * table (it opts in with {@code tccmall.idempotency.enabled=true}).
 */
@AutoConfiguration(after = { JdbcTemplateAutoConfiguration.class, LockAutoConfiguration.class })
@ConditionalOnProperty(name = "tccmall.idempotency.enabled", havingValue = "true")
@EnableScheduling
public class IdempotencyAutoConfiguration {

	@Bean
	IdempotencyRecordStore idempotencyRecordStore(JdbcTemplate jdbc) {
		return new IdempotencyRecordStore(jdbc);
	}

	@Bean
	IdempotentRequests idempotentRequests(IdempotencyRecordStore store, LockTemplate locks, ObjectMapper json,
			@Value("${tccmall.idempotency.lease:60s}") Duration lease,
			@Value("${tccmall.idempotency.retention:24h}") Duration retention, ObjectProvider<MeterRegistry> meters) {
		return new IdempotentRequests(store, locks, json, lease, retention,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	IdempotencyPurge idempotencyPurge(IdempotencyRecordStore store,
			@Value("${tccmall.idempotency.purge-batch-size:500}") int batchSize) {
		return new IdempotencyPurge(store, batchSize);
	}

}
