package io.tccmall.coupon.claim;

import io.tccmall.common.web.Caller;
import io.tccmall.coupon.usercoupon.CouponView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClaimController {

	private final ClaimService claims;

	ClaimController(ClaimService claims) {
		this.claims = claims;
	}

	/** 201 with the coupon; a replay with the same key answers the same coupon. */
	@PostMapping("/api/coupons/{templateId}/claims")
	@ResponseStatus(HttpStatus.CREATED)
	CouponView claim(Caller caller, @PathVariable long templateId,
			@RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) String idempotencyKey) {
		return this.claims.claim(caller.userId(), idempotencyKey, templateId);
	}

}
