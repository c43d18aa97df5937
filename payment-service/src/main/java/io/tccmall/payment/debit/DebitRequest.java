package io.tccmall.payment.debit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record DebitRequest(@NotBlank @Size(max = 32) String orderNo, @NotBlank @Size(max = 64) String userId,
		@NotNull @Min(0) Long amountCents) {

}
