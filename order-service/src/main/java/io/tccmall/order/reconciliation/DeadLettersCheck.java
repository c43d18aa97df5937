package io.tccmall.order.reconciliation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tccmall.common.events.DeadLetters;
import io.tccmall.common.reconciliation.CheckResult;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.core.annotation.Order;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * No event waits in a dead-letter topic: every record a consumer could never process was
 * re-driven (or, after a look, discarded) with {@code ./tccmall events}. Counts the
 * records past the re-drive group's committed offsets in every {@code <topic>.DLT} of the
 * cluster, from Kafka's end offsets ({@link DeadLetters#waiting}); a Kafka that cannot be
 * asked makes the check unknown, which fails too.
 */
@Component
@Order(80)
class DeadLettersCheck implements ReconciliationCheck {

	static final String NAME = "events-dead-letters";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final KafkaAdmin kafka;

	DeadLettersCheck(KafkaAdmin kafka) {
		this.kafka = kafka;
	}

	@Override
	public CheckResult check(Snapshot snapshot) {
		Map<String, Object> config = new HashMap<>(this.kafka.getConfigurationProperties());
		config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
		config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		Map<String, Long> waiting;
		Admin admin = Admin.create(config);
		try {
			waiting = DeadLetters.waiting(admin, TIMEOUT);
		}
		catch (RuntimeException ex) {
			return CheckResult.unknown(NAME, "Kafka cannot be asked: " + ex.getMessage());
		}
		finally {
			// nothing left to wait for: the answer is in, or it will not come
			admin.close(Duration.ZERO);
		}
		List<String> violations = waiting.entrySet()
			.stream()
			.filter(topic -> topic.getValue() > 0)
			.map(topic -> ("%d event(s) in %s could never be processed by a consumer and wait to be re-driven:"
					+ " ./tccmall events list --topic %s, fix the cause, then ./tccmall events redrive --topic %s")
				.formatted(topic.getValue(), topic.getKey(), topic.getKey(), topic.getKey()))
			.toList();
		return CheckResult.of(NAME, violations, Map.of("waiting", waiting));
	}

}
