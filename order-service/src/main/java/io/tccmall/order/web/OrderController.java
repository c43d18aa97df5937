package io.tccmall.order.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tccmall.common.idempotency.IdempotentRequest;
import io.tccmall.common.idempotency.IdempotentRequests;
import io.tccmall.common.openapi.ProblemResponse;
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

	@ProblemResponse(status = 404, codes = { "SKU_NOT_FOUND", "COUPON_NOT_FOUND" })
	@ProblemResponse(status = 409,
			codes = { "OUT_OF_STOCK", "ILLEGAL_COUPON_STATE", "TOO_MANY_UNPAID_ORDERS", "TOO_MANY_UNITS_HELD" })
	@ProblemResponse(status = 422, codes = { "COUPON_NOT_APPLICABLE", "PAYMENT_DEADLINE_TOO_LONG" })
	@PostMapping
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = OrderView.class)))
	ResponseEntity<Object> place(Caller caller,
			@RequestHeader(IDEMPOTENCY_KEY) @Pattern(regexp = KEY_PATTERN) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					name = "two skus with a coupon",
					value = "{\"items\":[{\"skuId\":\"SKU-0001\",\"quantity\":2},{\"skuId\":\"SKU-0002\",\"quantity\":1}],"
							+ "\"couponId\":\"0ABCDEFGHJKMN\"}"))) @Valid @RequestBody PlaceOrderRequest request) {
		var once = IdempotentRequest.of(caller.userId(), "place-order", idempotencyKey, request.canonical());
		return this.idempotency.execute(once, () -> ResponseEntity.status(HttpStatus.CREATED)
			.body(this.metrics.time("place", () -> this.checkout.place(caller.userId(), idempotencyKey, request))));
	}

	@GetMapping
	OrderPage list(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.checkout.list(caller.userId(), page, size);
	}

	@ProblemResponse(status = 404, codes = { "ORDER_NOT_FOUND" })
	@GetMapping("/{orderNo}")
	OrderView find(Caller caller, @PathVariable String orderNo) {
		return this.checkout.find(caller.userId(), orderNo);
	}

	@ProblemResponse(status = 404, codes = { "ORDER_NOT_FOUND" })
	@ProblemResponse(status = 409, codes = { "ILLEGAL_ORDER_STATE", "INSUFFICIENT_BALANCE", "ALREADY_PAID" })
	@PostMapping("/{orderNo}/payment")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PaymentView.class)))
	ResponseEntity<Object> pay(Caller caller, @PathVariable String orderNo,
			@RequestHeader(IDEMPOTENCY_KEY) @Pattern(regexp = KEY_PATTERN) String idempotencyKey) {
		var once = IdempotentRequest.of(caller.userId(), "pay-order", idempotencyKey, "orderNo=" + orderNo);
		return this.idempotency.execute(once, () -> ResponseEntity
			.ok(this.metrics.time("pay", () -> this.checkout.pay(caller.userId(), orderNo, idempotencyKey))));
	}

	@ProblemResponse(status = 404, codes = { "ORDER_NOT_FOUND" })
	@ProblemResponse(status = 409, codes = { "ILLEGAL_ORDER_STATE" })
	@PostMapping("/{orderNo}/cancellation")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderView.class)))
	ResponseEntity<Object> cancel(Caller caller, @PathVariable String orderNo,
			@RequestHeader(IDEMPOTENCY_KEY) @Pattern(regexp = KEY_PATTERN) String idempotencyKey) {
		var once = IdempotentRequest.of(caller.userId(), "cancel-order", idempotencyKey, "orderNo=" + orderNo);
		return this.idempotency.execute(once, () -> ResponseEntity
			.ok(this.metrics.time("cancel", () -> this.checkout.cancel(caller.userId(), orderNo))));
	}

}
