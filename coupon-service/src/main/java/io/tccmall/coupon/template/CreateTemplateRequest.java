package io.tccmall.coupon.template;

import java.time.Instant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record CreateTemplateRequest(@NotBlank @Size(max = 100) String name,
		@NotNull @Min(1) @Max(MAX_CENTS) Long discountCents, @NotNull @Min(0) @Max(MAX_CENTS) Long minSpendCents,
		@NotNull @Min(1) @Max(10_000_000) Integer totalCount, @NotNull @Min(1) @Max(1_000) Integer perUserLimit,
		@NotNull Instant validFrom, @NotNull Instant validUntil) {

	static final long MAX_CENTS = 100_000_000_00L;

	/** A coupon with a threshold may not take more off than the threshold itself. */
	@AssertTrue(message = "must not exceed minSpendCents when minSpendCents is above 0")
	public boolean isDiscountWithinMinSpend() {
		return this.discountCents == null || this.minSpendCents == null || this.minSpendCents == 0
				|| this.discountCents <= this.minSpendCents;
	}

	@AssertTrue(message = "must be after validFrom")
	public boolean isValidUntilAfterValidFrom() {
		return this.validFrom == null || this.validUntil == null || this.validUntil.isAfter(this.validFrom);
	}

}
