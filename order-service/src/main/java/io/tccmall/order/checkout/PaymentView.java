package io.tccmall.order.checkout;

import io.tccmall.order.order.OrderStatus;

public record PaymentView(String orderNo, OrderStatus status, String paymentNo) {
}
