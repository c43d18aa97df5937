package io.tccmall.common.reconciliation;

import java.time.Instant;

/**
 * Something a participant holds for an order, as order-service's cross-service checks
 * need it: a stock reservation ({@code ref} = sku, {@code amount} = quantity), a payment
 * ({@code ref} = payment number, {@code amount} = cents) or a user coupon ({@code ref} =
 * coupon id).
 */
public record Holding(String orderNo, String ref, String status, long amount, Instant updatedAt) {

}
