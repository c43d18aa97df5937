package io.tccmall.order.participant;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** coupon-service's participant endpoints; each call is the Try of one TCC branch. */
@FeignClient(name = "coupon-service", contextId = "couponClient")
public interface CouponClient {

	@PostMapping("/internal/coupons/{couponId}/lock")
	LockedCoupon lock(@PathVariable("couponId") String couponId, @RequestBody LockRequest request);

	@PostMapping("/internal/coupons/{couponId}/use")
	void use(@PathVariable("couponId") String couponId, @RequestBody OrderRef request);

	@PostMapping("/internal/coupons/{couponId}/release")
	void release(@PathVariable("couponId") String couponId, @RequestBody OrderRef request);

	record LockRequest(String userId, String orderNo, long orderTotalCents) {
	}

	record LockedCoupon(String couponId, long discountCents) {
	}

	record OrderRef(String orderNo) {
	}

}
