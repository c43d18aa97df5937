package io.tccmall.order.reconciliation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tccmall.common.reconciliation.Holding;
import io.tccmall.order.order.OrderStatus;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Coupons against orders: a locked coupon belongs to an order that is not final, a used
 * one to a paid order, and to the order that names it; an order awaiting payment has its
 * coupon locked, a paid order has it used.
 */
@Component
@Order(40)
class OrderCouponCheck extends HoldingsCheck {

	private static final Map<String, Set<OrderStatus>> FITTING = Map.of("LOCKED",
			EnumSet.of(OrderStatus.TRYING, OrderStatus.AWAITING_PAYMENT, OrderStatus.PAYING, OrderStatus.CANCELLING),
			"USING", EnumSet.of(OrderStatus.PAYING), "USED", EnumSet.of(OrderStatus.PAYING, OrderStatus.PAID),
			"RELEASING", EnumSet.of(OrderStatus.CANCELLING));

	@Override
	String name() {
		return "order-coupons";
	}

	@Override
	List<Holding> holdings(Snapshot snapshot) {
		return snapshot.coupons();
	}

	@Override
	Set<OrderStatus> fittingOrderStatuses(String holdingStatus) {
		return FITTING.get(holdingStatus);
	}

	@Override
	String describe(Holding coupon) {
		return "coupon %s is %s for order %s".formatted(coupon.ref(), coupon.status(), coupon.orderNo());
	}

	@Override
	Optional<String> mismatch(OrderFacts order, Holding coupon) {
		if (!coupon.ref().equals(order.couponId())) {
			return Optional.of("the order's coupon is " + order.couponId());
		}
		return Optional.empty();
	}

	@Override
	void expect(OrderFacts order, List<Holding> coupons, boolean young, Findings findings) {
		String expected = switch (order.status()) {
			case AWAITING_PAYMENT -> "LOCKED";
			case PAID -> "USED";
			default -> null;
		};
		if (expected == null || order.couponId() == null) {
			return;
		}
		boolean holds = coupons.stream().anyMatch(c -> c.ref().equals(order.couponId()) && expected.equals(c.status()));
		if (!holds) {
			findings.add(young, "order %s is %s but its coupon %s is not %s for it".formatted(order.orderNo(),
					order.status(), order.couponId(), expected));
		}
	}

}
