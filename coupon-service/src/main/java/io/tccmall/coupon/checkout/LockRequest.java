package io.tccmall.coupon.checkout;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record LockRequest(@NotBlank @Size(max = 64) String userId, @NotBlank @Size(max = 32) String orderNo,
		@NotNull @Min(0) Long orderTotalCents) {

}
