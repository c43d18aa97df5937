package io.tccmall.order.checkout;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderItem;
import io.tccmall.order.order.OrderStatus;

public record OrderView(String orderNo, OrderStatus status, long totalCents, long discountCents, long payableCents,
		String couponId, String paymentNo, String cancelReason, Instant expiresAt, Instant createdAt,
		List<Item> items) {

	public record Item(String skuId, String name, int quantity, long unitPriceCents) {
	}

	static OrderView of(Order order, List<OrderItem> items) {
		return new OrderView(order.getOrderNo(), order.getStatus(), order.getTotalCents(), order.getDiscountCents(),
				order.getPayableCents(), order.getCouponId(), order.getPaymentNo(), order.getCancelReason(),
				utc(order.getExpireAt()), utc(order.getCreatedAt()),
				items.stream()
					.map(i -> new Item(i.getSkuId(), i.getName(), i.getQuantity(), i.getUnitPriceCents()))
					.toList());
	}

	private static Instant utc(LocalDateTime time) {
		return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
	}

}
