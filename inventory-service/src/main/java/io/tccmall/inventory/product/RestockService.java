package io.tccmall.inventory.product;

import io.tccmall.common.web.BusinessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restocks are idempotent per (admin, Idempotency-Key): the key row and the stock change
 * commit together, so a replay either finds the key (and changes nothing) or finds
 * neither.
 */
@Service
class RestockService {

	private static final Logger log = LoggerFactory.getLogger(RestockService.class);

	private static final int MAX_KEY_PART = 128;

	private final RestockMapper restocks;

	private final ProductMapper products;

	RestockService(RestockMapper restocks, ProductMapper products) {
		this.restocks = restocks;
		this.products = products;
	}

	@Transactional
	public RestockResponse restock(String adminId, String idempotencyKey, String skuId, int quantity) {
		if (adminId.length() > MAX_KEY_PART || idempotencyKey.length() > MAX_KEY_PART) {
			// INSERT IGNORE would truncate them silently and let two keys collide
			throw BusinessException.badRequest("VALIDATION_FAILED", "Caller id or Idempotency-Key is too long");
		}
		if (this.restocks.insertIgnore(skuId, adminId, idempotencyKey, quantity) == 0) {
			return replay(adminId, idempotencyKey, skuId, quantity);
		}
		if (this.products.restock(skuId, quantity) == 0) {
			// throwing rolls the key row back too
			if (!this.products.exists(skuId)) {
				throw ProductNotFound.of(skuId);
			}
			throw BusinessException.unprocessable("STOCK_LIMIT_EXCEEDED",
					"Restocking " + quantity + " would exceed the largest stock a sku can hold");
		}
		log.info("sku {} restocked by {} with {} (key {})", skuId, adminId, quantity, idempotencyKey);
		// read back: the answer a replay gives must be identical, to the millisecond
		return RestockResponse.of(this.restocks.findByKey(adminId, idempotencyKey));
	}

	private RestockResponse replay(String adminId, String idempotencyKey, String skuId, int quantity) {
		Restock original = this.restocks.findByKey(adminId, idempotencyKey);
		if (original == null) {
			// INSERT IGNORE saw the key, yet it is gone: the other request rolled back
			// meanwhile
			throw BusinessException.conflict("REQUEST_IN_PROGRESS", "Another request with this key is running");
		}
		if (!original.sameRequest(skuId, quantity)) {
			throw BusinessException.unprocessable("IDEMPOTENCY_KEY_REUSED",
					"This Idempotency-Key was already used for a different restock");
		}
		return RestockResponse.of(original);
	}

}
