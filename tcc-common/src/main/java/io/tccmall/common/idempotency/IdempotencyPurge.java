package io.tccmall.common.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes records past their retention in small batches, so the purge never holds many
 * row locks at once. Every instance may run it; deleting twice is harmless.
 */
public class IdempotencyPurge {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

	private final IdempotencyRecordStore store;

	private final int batchSize;

	IdempotencyPurge(IdempotencyRecordStore store, int batchSize) {
		this.store = store;
		this.batchSize = batchSize;
	}

	@Scheduled(fixedDelayString = "${tccmall.idempotency.purge-interval:1m}",
			initialDelayString = "${tccmall.idempotency.purge-interval:1m}")
	public int purge() {
		int total = 0;
		int deleted;
		do {
			deleted = this.store.purgeExpired(this.batchSize);
			total += deleted;
		}
		while (deleted == this.batchSize);
		if (total > 0) {
			log.info("purged {} expired idempotency records", total);
		}
		return total;
	}

}
