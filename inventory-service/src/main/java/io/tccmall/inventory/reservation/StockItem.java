package io.tccmall.inventory.reservation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A quantity of one sku that an order asks for. */
public record StockItem(@NotBlank @Size(max = StockItems.MAX_SKU_ID_LENGTH) String skuId,
		@NotNull @Min(1) @Max(StockItems.MAX_QUANTITY) Integer quantity) {
}
