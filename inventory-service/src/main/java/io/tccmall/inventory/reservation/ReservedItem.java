package io.tccmall.inventory.reservation;

/** A reserved quantity with the unit price and name the order records. */
public record ReservedItem(String skuId, int quantity, long unitPriceCents, String name) {
}
