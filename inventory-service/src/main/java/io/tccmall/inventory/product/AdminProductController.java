package io.tccmall.inventory.product;

import java.net.URI;

import io.tccmall.common.openapi.ProblemResponse;
import io.tccmall.common.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/products")
class AdminProductController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final ProductService products;

	private final RestockService restocks;

	AdminProductController(ProductService products, RestockService restocks) {
		this.products = products;
		this.restocks = restocks;
	}

	@ProblemResponse(status = 409, codes = { "SKU_EXISTS" })
	@PostMapping
	ResponseEntity<ProductView> create(Caller caller, @Valid @RequestBody CreateProductRequest request) {
		caller.requireAdmin();
		ProductView created = this.products.create(request, caller.userId());
		return ResponseEntity.created(URI.create("/api/products/" + created.skuId())).body(created);
	}

	@ProblemResponse(status = 404, codes = { "SKU_NOT_FOUND" })
	@ProblemResponse(status = 422, codes = { "STOCK_LIMIT_EXCEEDED" })
	@PostMapping("/{skuId}/restocks")
	ResponseEntity<RestockResponse> restock(Caller caller, @PathVariable String skuId,
			@RequestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 128) String idempotencyKey,
			@Valid @RequestBody RestockRequest request) {
		caller.requireAdmin();
		RestockResponse restock = this.restocks.restock(caller.userId(), idempotencyKey, skuId, request.quantity());
		return ResponseEntity.status(HttpStatus.CREATED).body(restock);
	}

	@ProblemResponse(status = 404, codes = { "SKU_NOT_FOUND" })
	@GetMapping("/{skuId}/stock")
	StockView stock(Caller caller, @PathVariable String skuId) {
		caller.requireAdmin();
		return this.products.stock(skuId);
	}

}
