package io.tccmall.order.summary;

import java.util.UUID;

import io.tccmall.order.SeataTcTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * processed_event is purged like the idempotency records (issue 20, finding 7): ids past
 * the retention (14 days) go, younger ones stay, so a late duplicate is still recognised.
 */
@SeataTcTest
class ProcessedEventPurgeIT {

	@Autowired
	ProcessedEventPurge purge;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldDeleteTheIdsPastTheRetentionOnly() {
		String old = "old-" + UUID.randomUUID().toString().substring(0, 8);
		String recent = "recent-" + UUID.randomUUID().toString().substring(0, 8);
		String young = "young-" + UUID.randomUUID().toString().substring(0, 8);
		insert(old, 15 * 24);
		insert(recent, 13 * 24);
		insert(young, 0);

		assertThat(this.purge.purge()).isGreaterThanOrEqualTo(1);

		assertThat(exists(old)).isFalse();
		assertThat(exists(recent)).isTrue();
		assertThat(exists(young)).isTrue();
	}

	private void insert(String eventId, int hoursAgo) {
		this.jdbc.update("INSERT INTO processed_event (consumer, event_id, processed_at)"
				+ " VALUES ('purge-it', ?, UTC_TIMESTAMP(3) - INTERVAL ? HOUR)", eventId, hoursAgo);
	}

	private boolean exists(String eventId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
				eventId) == 1;
	}

}
