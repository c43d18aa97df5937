package io.tccmall.common.outbox;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox for a service whose database has the {@code outbox_event} and
 * {@code outbox_relay} tables ({@code tccmall.outbox.enabled=true}); the relay can be
 * switched off per instance with {@code tccmall.outbox.relay.enabled=false}.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class,
		afterName = "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration")
@ConditionalOnProperty(name = "tccmall.outbox.enabled", havingValue = "true")
@EnableScheduling
public class OutboxAutoConfiguration {

	@Bean
	Outbox outbox(JdbcTemplate jdbc, ObjectMapper json) {
		return new Outbox(jdbc, json);
	}

	@Bean(initMethod = "registerRelay")
	@ConditionalOnProperty(name = "tccmall.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
	OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			KafkaProperties kafkaProperties, @Value("${spring.application.name}") String name,
			@Value("${tccmall.outbox.batch-size:200}") int batchSize,
			@Value("${tccmall.outbox.send-timeout:10s}") Duration sendTimeout,
			@Value("${tccmall.outbox.retention:7d}") Duration retention, ObjectProvider<MeterRegistry> meters,
			ObjectProvider<ObservationRegistry> observations) {
		Map<String, Object> producer = kafkaProperties.buildProducerProperties(null);
		producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// a broker that is down must not hold the relay's row lock for long
		producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
		KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
		// not a bean: a span per send and the trace context in the record headers, for
		// the listeners
		kafka.setObservationEnabled(true);
		observations.ifAvailable(kafka::setObservationRegistry);
		return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafka, name, batchSize, sendTimeout,
				retention, meters.getIfAvailable(SimpleMeterRegistry::new));
	}

}
