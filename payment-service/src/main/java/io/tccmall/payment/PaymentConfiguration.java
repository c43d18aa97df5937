package io.tccmall.payment;

import io.tccmall.payment.api.PaymentEvents;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	/** Created at start-up when missing (Kafka may be down: the outbox waits for it). */
	@Bean
	NewTopic paymentEventsTopic(@Value("${tccmall.kafka.partitions:3}") int partitions) {
		return TopicBuilder.name(PaymentEvents.TOPIC).partitions(partitions).build();
	}

}
