package io.tccmall.inventory.product;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The restock as first recorded; a replay with the same Idempotency-Key answers it again.
 */
record RestockResponse(long restockId, String skuId, int quantity, Instant createdAt) {

	static RestockResponse of(Restock restock) {
		return new RestockResponse(restock.getId(), restock.getSkuId(), restock.getQuantity(),
				restock.getCreatedAt().toInstant(ZoneOffset.UTC));
	}

}
