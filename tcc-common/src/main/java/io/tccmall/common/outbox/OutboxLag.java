package io.tccmall.common.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tccmall.common.reconciliation.CheckResult;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconciliation check of a service's outbox: events older than {@code limit} still
 * unpublished mean the relay or Kafka is stuck. Reads the unpublished end of the
 * {@code (published_at, id)} index only.
 */
public final class OutboxLag {

	private OutboxLag() {
	}

	public static CheckResult check(String name, JdbcTemplate jdbc, Duration limit) {
		Map<String, Object> lag = jdbc.queryForMap("SELECT COUNT(*) AS pending,"
				+ " COALESCE(TIMESTAMPDIFF(SECOND, MIN(created_at), NOW(3)), 0) AS oldest_seconds"
				+ " FROM outbox_event WHERE published_at IS NULL");
		long pending = ((Number) lag.get("pending")).longValue();
		long oldestSeconds = ((Number) lag.get("oldest_seconds")).longValue();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("unpublished", pending);
		details.put("oldestUnpublishedSeconds", oldestSeconds);
		details.put("limitSeconds", limit.toSeconds());
		List<String> violations = (pending > 0 && oldestSeconds > limit.toSeconds())
				? List.of("%d event(s) unpublished, the oldest for %d s (limit %d s): is the relay or Kafka down?"
					.formatted(pending, oldestSeconds, limit.toSeconds()))
				: List.of();
		return CheckResult.of(name, violations, details);
	}

}
