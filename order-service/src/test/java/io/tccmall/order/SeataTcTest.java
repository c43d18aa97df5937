package io.tccmall.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.tccmall.common.testsupport.SeataTestServer;
import io.tccmall.common.testsupport.SeataTestServerInitializer;
import io.tccmall.order.api.OrderEvents;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * order-service with Seata enabled (TM, TCC proxies, the fence) against the test JVM's
 * Seata TC ({@link SeataTestServer}: {@code TCCMALL_SEATA_TC}, else one started for the
 * JVM), the machine's Redis, and a database of its own, {@code tccmall_order_test},
 * rebuilt from the migrations when the context starts. Every class carrying this
 * annotation shares one application context, so the JVM has one context running Seata's
 * fence (whose data source is static). An embedded Kafka broker takes the outbox's
 * events; the consumers retry a failing event with a back-off of milliseconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "seata.enabled=true", "tccmall.database=tccmall_order_test",
		"spring.flyway.clean-disabled=false", "spring.datasource.hikari.maximum-pool-size=5",
		"spring.datasource.hikari.minimum-idle=1", "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"tccmall.outbox.poll-interval=100ms", "tccmall.kafka.partitions=1",
		// a failing event is retried every 10-20 ms, so that a test sees hundreds of
		// deliveries in seconds; a fetch after the error handler's seek does not wait
		"tccmall.events.retry.initial-interval=10ms", "tccmall.events.retry.max-interval=20ms",
		"spring.kafka.consumer.fetch-min-size=1", "spring.kafka.consumer.fetch-max-wait=10ms" })
@EmbeddedKafka(kraft = true, partitions = 1, topics = OrderEvents.TOPIC)
@Import(SeataTcTest.CleanMigration.class)
@ContextConfiguration(initializers = SeataTestServerInitializer.class)
public @interface SeataTcTest {

	/** The test database is rebuilt from the migrations when the context starts. */
	@TestConfiguration(proxyBeanMethods = false)
	class CleanMigration {

		@Bean
		FlywayMigrationStrategy cleanThenMigrate() {
			return flyway -> {
				flyway.clean();
				flyway.migrate();
			};
		}

	}

}
