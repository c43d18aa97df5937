package io.tccmall.common.events;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The one consumer error policy of every service's Kafka listeners (Spring Boot gives
 * this {@link CommonErrorHandler} to its listener container factory), record and batch
 * listeners alike:
 * <ul>
 * <li>A record that fails for any reason but one that makes it unprocessable is retried
 * with capped exponential back-off (1 s doubling to 60 s by default,
 * {@code tccmall.events.retry.*}) and never given up: the partition waits behind it, and
 * {@code tccmall.events.delivery.failures} counts every failed delivery.</li>
 * <li>A record that can never be processed ({@link UnprocessableEventException}, and
 * Spring Kafka's own not-retryable exceptions such as a deserialization failure, also
 * when they are the cause of a batch listener's {@code BatchListenerFailedException}) is
 * published to {@code <topic>.DLT}, same partition, with Spring Kafka's headers naming
 * its origin, consumer group and exception, counted in
 * {@code tccmall.events.dead.lettered}, and its partition goes on. If that publication
 * fails the record stays and is tried again.</li>
 * <li>A batch listener that names the failing record ({@code EventBatch}) keeps the
 * records before it (committed) and is retried from it, as ADR 0013 describes.</li>
 * </ul>
 * The dead-letter topics are declared for every topic the service declares. ADR 0016.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
		afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(DefaultErrorHandler.class)
@EnableConfigurationProperties(EventConsumerProperties.class)
public class EventConsumerAutoConfiguration {

	@Bean
	EventConsumerMetrics eventConsumerMetrics(ObjectProvider<MeterRegistry> meters) {
		return new EventConsumerMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler eventErrorHandler(KafkaTemplate<?, ?> kafka, EventConsumerProperties properties,
			EventConsumerMetrics metrics) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(DeadLetters.topicFor(record.topic()), record.partition()));
		ConsumerAwareRecordRecoverer recoverer = (record, consumer, ex) -> deadLetters.accept(record, consumer,
				withListenersMessage(ex));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, properties.retry().backOff());
		handler.addNotRetryableExceptions(UnprocessableEventException.class);
		handler.setRetryListeners(metrics);
		// EventConsumerMetrics logs every failure with the event id; the container would
		// log each again with its whole stack
		handler.setLogLevel(KafkaException.Level.DEBUG);
		return handler;
	}

	/**
	 * The dead letter's headers name the consumer group from the container's exception;
	 * its message is the one of the listener's own exception (e.g. why the event is
	 * unprocessable), not the container's "Listener method ... threw exception".
	 */
	private static Exception withListenersMessage(Exception ex) {
		Exception reason = EventConsumerMetrics.listenerException(ex);
		if (reason == ex || !(ex instanceof ListenerExecutionFailedException failed)) {
			return ex;
		}
		// no message of its own: the recoverer then takes the cause's
		return new ListenerExecutionFailedException(null, failed.getGroupId(), reason);
	}

	/** The meters of every listener container at zero, once the containers exist. */
	@Bean
	ApplicationListener<ContextRefreshedEvent> eventConsumerMetersAtZero(EventConsumerMetrics metrics,
			ObjectProvider<ListenerContainerRegistry> registries) {
		return refreshed -> registries.forEach(registry -> registry.getListenerContainers().forEach(metrics::register));
	}

	/**
	 * {@code <topic>.DLT} for every topic the service declares, unless the service
	 * declares that one itself.
	 */
	@Bean
	KafkaAdmin.NewTopics deadLetterTopics(ObjectProvider<NewTopic> topics) {
		List<NewTopic> declared = topics.orderedStream().toList();
		Set<String> names = declared.stream().map(NewTopic::name).collect(Collectors.toSet());
		return new KafkaAdmin.NewTopics(declared.stream()
			.filter(topic -> !DeadLetters.isDeadLetterTopic(topic.name()))
			.filter(topic -> !names.contains(DeadLetters.topicFor(topic.name())))
			.map(DeadLetters::topicFor)
			.toArray(NewTopic[]::new));
	}

	@Bean
	@ConditionalOnClass(Validator.class)
	EventReader eventReader(ObjectMapper json, Validator validator) {
		return new EventReader(json, validator);
	}

}
