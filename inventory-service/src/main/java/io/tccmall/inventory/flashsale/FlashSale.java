package io.tccmall.inventory.flashsale;

import java.time.LocalDateTime;

/** A flash sale as stored; times are UTC. */
public record FlashSale(String saleId, String skuId, int units, int remaining, long priceCents, LocalDateTime startsAt,
		LocalDateTime endsAt, int perUserLimit, int paymentDeadlineSeconds, String createdBy, String idempotencyKey,
		String requestHash) {
}
