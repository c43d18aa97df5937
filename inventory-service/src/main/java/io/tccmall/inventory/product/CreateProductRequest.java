package io.tccmall.inventory.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

record CreateProductRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String skuId,
		@NotBlank @Size(max = 200) String name, @NotNull @PositiveOrZero @Max(1_000_000_000_00L) Long priceCents,
		@NotNull @PositiveOrZero @Max(1_000_000_000) Integer stock) {
}
