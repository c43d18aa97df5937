package io.tccmall.common.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service gets from tcc-common for its Kafka listeners: one error handler on the
 * listener container factory, with the never-ending back-off of
 * {@code tccmall.events.retry.*}, a dead-letter topic for each topic the service
 * declares, and the event reader.
 */
class EventConsumerAutoConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
				ValidationAutoConfiguration.class, EventConsumerAutoConfiguration.class))
		.withPropertyValues("spring.kafka.admin.auto-create=false")
		.withUserConfiguration(Topics.class);

	@Test
	void shouldGiveEveryListenerContainerTheOneErrorHandler() {
		this.contexts.run(context -> {
			assertThat(context).hasSingleBean(CommonErrorHandler.class).hasSingleBean(EventReader.class);
			DefaultErrorHandler handler = context.getBean(DefaultErrorHandler.class);
			ConcurrentKafkaListenerContainerFactory<?, ?> factory = context
				.getBean(ConcurrentKafkaListenerContainerFactory.class);
			assertThat(factory.createContainer("tccmall.order.events").getCommonErrorHandler()).isSameAs(handler);
		});
	}

	@Test
	void shouldRetryForEverBackingOffToTheConfiguredMaximum() {
		this.contexts
			.withPropertyValues("tccmall.events.retry.initial-interval=500ms", "tccmall.events.retry.max-interval=4s")
			.run(context -> {
				BackOffExecution backOff = context.getBean(EventConsumerProperties.class).retry().backOff().start();
				List<Long> first = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					first.add(backOff.nextBackOff());
				}
				assertThat(first).containsExactly(500L, 1_000L, 2_000L, 4_000L, 4_000L, 4_000L);
				for (int i = 0; i < 1_000_000; i++) {
					assertThat(backOff.nextBackOff()).isEqualTo(4_000L);
				}
			});
	}

	@Test
	void shouldDefaultToOneSecondDoublingToOneMinute() {
		this.contexts.run(context -> {
			EventConsumerProperties.Retry retry = context.getBean(EventConsumerProperties.class).retry();
			assertThat(retry.initialInterval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(retry.multiplier()).isEqualTo(2.0);
			assertThat(retry.maxInterval()).isEqualTo(Duration.ofMinutes(1));
		});
	}

	@Test
	void shouldRefuseABackOffThatShrinks() {
		this.contexts
			.withPropertyValues("tccmall.events.retry.initial-interval=5s", "tccmall.events.retry.max-interval=1s")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("max-interval must be at least"));
	}

	@Test
	void shouldDeclareADeadLetterTopicLikeEachTopicTheServiceDeclares() {
		this.contexts.run(context -> {
			Collection<NewTopic> declared = ReflectionTestUtils
				.invokeMethod(context.getBean("deadLetterTopics", KafkaAdmin.NewTopics.class), "getNewTopics");
			assertThat(declared).singleElement().satisfies(topic -> {
				assertThat(topic.name()).isEqualTo("tccmall.flashsale.tickets.DLT");
				assertThat(topic.numPartitions()).isEqualTo(3);
				assertThat(topic.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
			});
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Topics {

		@Bean
		NewTopic orderEvents() {
			return TopicBuilder.name("tccmall.order.events").partitions(3).build();
		}

		@Bean
		NewTopic flashSaleTickets() {
			return TopicBuilder.name("tccmall.flashsale.tickets").partitions(3).build();
		}

		/**
		 * A dead-letter topic the service declares itself: not declared again, and gets
		 * no dead-letter topic of its own.
		 */
		@Bean
		NewTopic orderEventsDeadLetters() {
			return TopicBuilder.name("tccmall.order.events.DLT").partitions(3).build();
		}

	}

}
