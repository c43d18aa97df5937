package io.tccmall.inventory.reservation;

import java.util.List;

/** The answer of the stock-reserve Try: every item reserved, in sku order. */
public record ReservedStock(String orderNo, List<ReservedItem> items) {
}
