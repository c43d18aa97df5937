package io.tccmall.order.checkout;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param paymentDeadlineSeconds optional: a shorter deadline than the shop's default
 * (flash sales, a buyer paying at once); never a longer one
 */
public record PlaceOrderRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull Line> items,
		@Size(min = 1, max = 32) String couponId, @Min(1) Integer paymentDeadlineSeconds) {

	public record Line(@NotBlank @Size(max = 64) String skuId, @Min(1) @Max(10_000) int quantity) {
	}

	@AssertTrue(message = "must not list a sku twice")
	public boolean isEachSkuOnce() {
		return this.items == null || this.items.stream()
			.filter(java.util.Objects::nonNull)
			.map(Line::skuId)
			.distinct()
			.count() == this.items.stream().filter(java.util.Objects::nonNull).count();
	}

	/**
	 * A canonical form of the request: the same order placed twice with one key must hash
	 * the same.
	 */
	public String canonical() {
		return this.items.stream()
			.sorted(Comparator.comparing(Line::skuId))
			.map(line -> line.skuId() + "x" + line.quantity())
			.collect(Collectors.joining(",", "[", "]")) + "coupon=" + this.couponId + "deadline="
				+ this.paymentDeadlineSeconds;
	}

}
