package io.tccmall.order.admin;

import io.tccmall.common.idempotency.IdempotentRequest;
import io.tccmall.common.idempotency.IdempotentRequests;
import io.tccmall.common.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/orders/{orderNo}}: an order everywhere it lives, and {@code POST
 * /api/admin/orders/{orderNo}/release}: the audited manual release of a stuck order.
 * Admins only (the gateway checks the role too).
 */
@RestController
@Validated
@RequestMapping("/api/admin/orders")
class AdminOrderController {

	private final OrderLookup lookup;

	private final OrderRelease release;

	private final IdempotentRequests idempotency;

	AdminOrderController(OrderLookup lookup, OrderRelease release, IdempotentRequests idempotency) {
		this.lookup = lookup;
		this.release = release;
		this.idempotency = idempotency;
	}

	@GetMapping("/{orderNo}")
	OrderInspection inspect(Caller caller, @PathVariable String orderNo) {
		caller.requireAdmin();
		return this.lookup.inspect(orderNo);
	}

	@PostMapping("/{orderNo}/release")
	ResponseEntity<Object> release(Caller caller, @PathVariable String orderNo,
			@RequestHeader("Idempotency-Key") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String idempotencyKey,
			@Valid @RequestBody ReleaseRequest request) {
		caller.requireAdmin();
		var once = IdempotentRequest.of(caller.userId(), "admin-release", idempotencyKey,
				"orderNo=" + orderNo + "&reason=" + request.reason());
		return this.idempotency.execute(once,
				() -> ResponseEntity.ok(this.release.release(caller.userId(), orderNo, request.reason())));
	}

	record ReleaseRequest(@NotBlank @Size(max = 500) String reason) {
	}

}
