package io.tccmall.inventory;

import io.tccmall.order.api.OrderEvents;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Products and their stock; the TCC participant that reserves and releases stock for
 * orders, and books paid orders' stock as sold from the order events.
 */
@SpringBootApplication
public class InventoryServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(InventoryServiceApplication.class, args);
	}

	/**
	 * order-service's topic, declared here too so that whichever service starts first
	 * creates it with its partitions (a consumer never creates it).
	 */
	@Bean
	NewTopic orderEventsTopic(@Value("${tccmall.kafka.partitions:3}") int partitions) {
		return TopicBuilder.name(OrderEvents.TOPIC).partitions(partitions).build();
	}

}
