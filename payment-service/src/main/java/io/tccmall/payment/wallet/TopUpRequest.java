package io.tccmall.payment.wallet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

record TopUpRequest(@NotNull @Min(1) @Max(TopUpRequest.MAX_CENTS) Long amountCents) {

	/** 100,000,000.00 in cents. */
	static final long MAX_CENTS = 100_000_000_00L;

}
