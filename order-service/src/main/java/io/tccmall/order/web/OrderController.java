package io.tccmall.order.web;

import io.tccmall.common.idempotency.IdempotentRequest;
import io.tccmall.common.idempotency.IdempotentRequests;
import io.tccmall.common.web.Caller;
import io.tccmall.order.checkout.CheckoutMetrics;
import io.tccmall.order.checkout.CheckoutService;
import io.tccmall.order.checkout.OrderPage;
import io.tccmall.order.checkout.OrderView;
import io.tccmall.order.checkout.PaymentView;
import io.tccmall.order.checkout.PlaceOrderRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/orders")
class OrderController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String KEY_PATTERN = "[A-Za-z0-9_.:-]{1,64}";

	private final CheckoutService checkout;

	private final IdempotentRequests idempotency;

	private final CheckoutMetrics metrics;

	OrderController(CheckoutService checkout, IdempotentRequests idempotency, CheckoutMetrics metrics) {
		this.checkout = checkout;
		this.idempotency = idempotency;
		this.metrics = metrics;
	}

	@PostMapping
	ResponseEntity<Object> place(Caller caller,
			@RequestHeader(IDEMPOTENCY_KEY) @Pattern(regexp = KEY_PATTERN) String idempotencyKey,
			@Valid @RequestBody PlaceOrderRequest request) {
		var once = IdempotentRequest.of(caller.userId(), "place-order", idempotencyKey, request.canonical());
		return this.idempotency.execute(once, () -> ResponseEntity.status(HttpStatus.CREATED)
			.body(this.metrics.time("place", () -> this.checkout.place(caller.userId(), idempotencyKey, request))));
	}

	@GetMapping
	OrderPage list(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.checkout.list(caller.userId(), page, size);
	}

	@GetMapping("/{orderNo}")
	OrderView find(Caller caller, @PathVariable String orderNo) {
		return this.checkout.find(caller.userId(), orderNo);
	}

	@PostMapping("/{orderNo}/payment")
	ResponseEntity<Object> pay(Caller caller, @PathVariable String orderNo,
			@RequestHeader(IDEMPOTENCY_KEY) @Pattern(regexp = KEY_PATTERN) String idempotencyKey) {
		var once = IdempotentRequest.of(caller.userId(), "pay-order", idempotencyKey, "orderNo=" + orderNo);
		return this.idempotency.execute(once, () -> ResponseEntity
			.ok(this.metrics.time("pay", () -> this.checkout.pay(caller.userId(), orderNo, idempotencyKey))));
	}

	@PostMapping("/{orderNo}/cancellation")
	ResponseEntity<Object> cancel(Caller caller, @PathVariable String orderNo,
			@RequestHeader(IDEMPOTENCY_KEY) @Pattern(regexp = KEY_PATTERN) String idempotencyKey) {
		var once = IdempotentRequest.of(caller.userId(), "cancel-order", idempotencyKey, "orderNo=" + orderNo);
		return this.idempotency.execute(once, () -> ResponseEntity
			.ok(this.metrics.time("cancel", () -> this.checkout.cancel(caller.userId(), orderNo))));
	}

}
