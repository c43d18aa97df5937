package io.tccmall.coupon.checkout;

import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Participant endpoints for order-service; the XID arrives in the TX_XID header. */
@RestController
class CheckoutController {

	private final CouponLockAction lock;

	private final CouponUseAction use;

	private final CouponReleaseAction release;

	CheckoutController(CouponLockAction lock, CouponUseAction use, CouponReleaseAction release) {
		this.lock = lock;
		this.use = use;
		this.release = release;
	}

	@PostMapping("/internal/coupons/{couponId}/lock")
	LockResponse lock(@PathVariable String couponId, @Valid @RequestBody LockRequest request) {
		long discount = this.lock.prepare(null, couponId, request.orderNo(), request.userId(),
				request.orderTotalCents());
		return new LockResponse(couponId, discount);
	}

	@PostMapping("/internal/coupons/{couponId}/use")
	Map<String, Object> use(@PathVariable String couponId, @Valid @RequestBody OrderRef request) {
		this.use.prepare(null, couponId, request.orderNo());
		return Map.of();
	}

	@PostMapping("/internal/coupons/{couponId}/release")
	Map<String, Object> release(@PathVariable String couponId, @Valid @RequestBody OrderRef request) {
		this.release.prepare(null, couponId, request.orderNo());
		return Map.of();
	}

}
