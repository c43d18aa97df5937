package io.tccmall.order.flashsale;

import io.tccmall.order.api.FlashSaleTicketQueued;
import org.apache.kafka.clients.admin.NewTopic;
import org.redisson.api.RedissonClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class FlashSaleConfiguration {

	@Bean
	FlashSaleGate flashSaleGate(RedissonClient redisson) {
		return new FlashSaleGate(redisson);
	}

	@Bean
	NewTopic flashSaleTicketsTopic(@Value("${tccmall.kafka.partitions:3}") int partitions) {
		return TopicBuilder.name(FlashSaleTicketQueued.TOPIC).partitions(partitions).build();
	}

}
