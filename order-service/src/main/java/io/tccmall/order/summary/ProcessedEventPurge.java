package io.tccmall.order.summary;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the ids of applied events once no copy of them can arrive any more: after the
 * retention (default 14 days, twice Kafka's default log retention of 7 days, which also
 * covers a re-drive from a dead-letter topic within a week), in batches. Several
 * instances may purge at once; a row is deleted once.
 */
@Component
class ProcessedEventPurge {

	private static final Logger log = LoggerFactory.getLogger(ProcessedEventPurge.class);

	static final int BATCH = 1_000;

	private final JdbcTemplate jdbc;

	private final Duration retention;

	ProcessedEventPurge(JdbcTemplate jdbc, @Value("${tccmall.events.processed-retention:14d}") Duration retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	@Scheduled(fixedDelayString = "${tccmall.events.processed-purge-interval:1h}",
			initialDelayString = "${tccmall.events.processed-purge-interval:1h}")
	int purge() {
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.update(
					"DELETE FROM processed_event WHERE processed_at < UTC_TIMESTAMP(3) - INTERVAL ? SECOND LIMIT ?",
					this.retention.toSeconds(), BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			log.info("purged {} processed-event ids older than {}", total, this.retention);
		}
		return total;
	}

}
