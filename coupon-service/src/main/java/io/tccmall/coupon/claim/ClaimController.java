package io.tccmall.coupon.claim;

import io.tccmall.common.idempotency.IdempotentRequest;
import io.tccmall.common.idempotency.IdempotentRequests;
import io.tccmall.common.lock.LockTemplate;
import io.tccmall.common.openapi.ProblemResponse;
import io.tccmall.common.web.Caller;
import io.tccmall.coupon.usercoupon.CouponView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClaimController {

	private final ClaimService claims;

	private final IdempotentRequests idempotency;

	private final LockTemplate locks;

	ClaimController(ClaimService claims, IdempotentRequests idempotency, LockTemplate locks) {
		this.claims = claims;
		this.idempotency = idempotency;
		this.locks = locks;
	}

	/** 201 with the coupon; a replay with the same key answers what the first one did. */
	@ProblemResponse(status = 404, codes = { "COUPON_TEMPLATE_NOT_FOUND" })
	@ProblemResponse(status = 409, codes = { "COUPON_SOLD_OUT", "CLAIM_LIMIT_REACHED" })
	@ProblemResponse(status = 422, codes = { "COUPON_NOT_CLAIMABLE" })
	@PostMapping("/api/coupons/{templateId}/claims")
	ResponseEntity<Object> claim(Caller caller, @PathVariable long templateId,
			@RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) String idempotencyKey) {
		var once = IdempotentRequest.of(caller.userId(), "claim-coupon", idempotencyKey, "templateId=" + templateId);
		// the lock per (template, user) lines up one user's parallel claims (other keys)
		// so they
		// do not collide on claim_seq; the cap and the limit hold without it
		return this.idempotency.execute(once,
				() -> this.locks.withLock("coupon-claim:" + templateId + ":" + caller.userId(),
						() -> ResponseEntity.status(HttpStatus.CREATED)
							.body(this.claims.claim(caller.userId(), idempotencyKey, templateId))));
	}

}
