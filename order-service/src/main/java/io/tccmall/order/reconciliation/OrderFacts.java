package io.tccmall.order.reconciliation;

import java.time.Instant;
import java.util.Map;

import io.tccmall.order.order.OrderStatus;

/** What the reconciliation needs of one order; {@code items} maps sku to quantity. */
public record OrderFacts(String orderNo, OrderStatus status, String couponId, String paymentNo, long payableCents,
		Instant expireAt, Instant updatedAt, String placeXid, Map<String, Long> items) {

}
