package io.tccmall.inventory.flashsale;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.tccmall.common.id.Ids;
import io.tccmall.common.idempotency.IdempotentRequest;
import io.tccmall.common.web.BusinessException;
import io.tccmall.inventory.product.ProductMapper;
import io.tccmall.inventory.product.ProductNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates flash sales. The sale row (with its Idempotency-Key) and the units moved out of
 * the sku's normal stock commit together, so stock stays conserved and a replay cannot
 * move the units twice.
 */
@Service
class FlashSaleService {

	private static final Logger log = LoggerFactory.getLogger(FlashSaleService.class);

	private final FlashSaleMapper sales;

	private final ProductMapper products;

	FlashSaleService(FlashSaleMapper sales, ProductMapper products) {
		this.sales = sales;
		this.products = products;
	}

	@Transactional
	public FlashSaleView create(String adminId, String idempotencyKey, CreateFlashSaleRequest request) {
		String hash = IdempotentRequest.sha256(request.canonical());
		String saleId = Ids.next();
		int inserted = this.sales.insertIgnore(saleId, request.skuId(), request.units(), request.priceCents(),
				utc(request.startsAt()), utc(request.endsAt()), request.perUserLimit(),
				request.paymentDeadlineSeconds(), adminId, idempotencyKey, hash);
		if (inserted == 0) {
			return replay(adminId, idempotencyKey, hash);
		}
		if (this.products.allocateToSale(request.skuId(), request.units()) == 0) {
			// throwing rolls the sale row back too
			if (!this.products.exists(request.skuId())) {
				throw ProductNotFound.of(request.skuId());
			}
			throw BusinessException.conflict("OUT_OF_STOCK",
					"Not enough available stock of " + request.skuId() + " for a sale of " + request.units());
		}
		log.info("flash sale {} created by {}: {} x {} from {} to {}", saleId, adminId, request.units(),
				request.skuId(), request.startsAt(), request.endsAt());
		return FlashSaleView.of(this.sales.find(saleId));
	}

	FlashSaleView find(String saleId) {
		FlashSale sale = this.sales.find(saleId);
		if (sale == null) {
			throw BusinessException.notFound("FLASH_SALE_NOT_FOUND", "No flash sale " + saleId);
		}
		return FlashSaleView.of(sale);
	}

	private FlashSaleView replay(String adminId, String idempotencyKey, String hash) {
		FlashSale original = this.sales.findByKey(adminId, idempotencyKey);
		if (original == null) {
			throw BusinessException.conflict("REQUEST_IN_PROGRESS", "Another request with this key is running");
		}
		if (!original.requestHash().equals(hash)) {
			throw BusinessException.unprocessable("IDEMPOTENCY_KEY_REUSED",
					"This Idempotency-Key was already used for a different flash sale");
		}
		return FlashSaleView.of(original);
	}

	static LocalDateTime utc(java.time.Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
