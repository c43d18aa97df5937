package io.tccmall.order.participant;

import java.util.List;

import io.tccmall.common.reconciliation.ParticipantFindings;
import io.tccmall.common.reconciliation.ParticipantOrderState;
import io.tccmall.common.tcc.TccBranchApi;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** coupon-service's participant endpoints; each POST is the Try of one TCC branch. */
@FeignClient(name = "coupon-service", contextId = "couponClient")
public interface CouponClient extends TccBranchApi {

	@PostMapping("/internal/coupons/{couponId}/lock")
	LockedCoupon lock(@PathVariable("couponId") String couponId, @RequestBody LockRequest request);

	@PostMapping("/internal/coupons/{couponId}/use")
	void use(@PathVariable("couponId") String couponId, @RequestBody OrderRef request);

	@PostMapping("/internal/coupons/{couponId}/release")
	void release(@PathVariable("couponId") String couponId, @RequestBody OrderRef request);

	/**
	 * Read-only, for the admin lookup: the order's rows and the fence rows of its XIDs.
	 */
	@GetMapping("/internal/orders/{orderNo}/state")
	ParticipantOrderState orderState(@PathVariable("orderNo") String orderNo,
			@RequestParam(name = "xid", required = false) List<String> xids,
			@RequestParam(name = "couponId", required = false) String couponId);

	/**
	 * Read-only, outside any global transaction: the participant's own checks and
	 * holdings.
	 */
	@GetMapping("/internal/reconciliation")
	ParticipantFindings reconciliation(@RequestParam("since") String since);

	record LockRequest(String userId, String orderNo, long orderTotalCents) {
	}

	record LockedCoupon(String couponId, long discountCents) {
	}

	record OrderRef(String orderNo) {
	}

}
