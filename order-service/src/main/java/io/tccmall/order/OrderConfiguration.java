package io.tccmall.order;

import java.time.Clock;

import io.tccmall.order.api.OrderEvents;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OrderConfiguration {

	/** Created at start-up when missing (Kafka may be down: the outbox waits for it). */
	@Bean
	NewTopic orderEventsTopic(@Value("${tccmall.kafka.partitions:3}") int partitions) {
		return TopicBuilder.name(OrderEvents.TOPIC).partitions(partitions).build();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
