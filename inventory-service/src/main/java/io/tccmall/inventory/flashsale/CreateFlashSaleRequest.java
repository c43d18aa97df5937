package io.tccmall.inventory.flashsale;

import java.time.Instant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

record CreateFlashSaleRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String skuId,
		@NotNull @Min(1) @Max(1_000_000) Integer units,
		@NotNull @PositiveOrZero @Max(1_000_000_000_00L) Long priceCents, @NotNull Instant startsAt,
		@NotNull Instant endsAt, @NotNull @Min(1) @Max(100) Integer perUserLimit,
		@NotNull @Min(1) @Max(900) Integer paymentDeadlineSeconds) {

	@AssertTrue(message = "must be after startsAt")
	public boolean isEndsAtAfterStart() {
		return this.startsAt == null || this.endsAt == null || this.endsAt.isAfter(this.startsAt);
	}

	String canonical() {
		return String.join("|", this.skuId, this.units.toString(), this.priceCents.toString(), this.startsAt.toString(),
				this.endsAt.toString(), this.perUserLimit.toString(), this.paymentDeadlineSeconds.toString());
	}

}
