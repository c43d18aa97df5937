package io.tccmall.inventory.flashsale;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tccmall.common.openapi.ProblemResponse;
import io.tccmall.common.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins create flash sales; order-service reads them (internal) to admit buyers and to
 * place the orders of admitted buyers.
 */
@RestController
@Validated
class FlashSaleController {

	private final FlashSaleService service;

	private final FlashSaleMapper sales;

	private final Clock clock = Clock.systemUTC();

	FlashSaleController(FlashSaleService service, FlashSaleMapper sales) {
		this.service = service;
		this.sales = sales;
	}

	@ProblemResponse(status = 404, codes = { "SKU_NOT_FOUND" })
	@ProblemResponse(status = 409, codes = { "OUT_OF_STOCK" })
	@PostMapping("/api/admin/flash-sales")
	ResponseEntity<FlashSaleView> create(Caller caller,
			@RequestHeader("Idempotency-Key") @NotBlank @Size(max = 128) String idempotencyKey,
			@Valid @RequestBody CreateFlashSaleRequest request) {
		caller.requireAdmin();
		FlashSaleView sale = this.service.create(caller.userId(), idempotencyKey, request);
		return ResponseEntity.created(URI.create("/api/admin/flash-sales/" + sale.saleId())).body(sale);
	}

	@ProblemResponse(status = 404, codes = { "FLASH_SALE_NOT_FOUND" })
	@GetMapping("/api/admin/flash-sales/{saleId}")
	FlashSaleView find(Caller caller, @PathVariable String saleId) {
		caller.requireAdmin();
		return this.service.find(saleId);
	}

	@GetMapping("/internal/flash-sales/{saleId}")
	FlashSaleView internalFind(@PathVariable String saleId) {
		return this.service.find(saleId);
	}

	/**
	 * Sales live now or starting within ten minutes: order-service loads them into Redis.
	 */
	@GetMapping("/internal/flash-sales")
	List<FlashSaleView> upcoming() {
		Instant now = this.clock.instant();
		return this.sales
			.findOpenBetween(FlashSaleService.utc(now), FlashSaleService.utc(now.plus(Duration.ofMinutes(10))))
			.stream()
			.map(FlashSaleView::of)
			.toList();
	}

}
