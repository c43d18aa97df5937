package io.tccmall.inventory.reservation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record ReserveStockRequest(@NotBlank @Size(max = StockItems.MAX_ORDER_NO_LENGTH) String orderNo,
		@NotEmpty @Size(max = StockItems.MAX_ITEMS) List<@NotNull @Valid StockItem> items,
		@Size(max = 32) String saleId) {
}
