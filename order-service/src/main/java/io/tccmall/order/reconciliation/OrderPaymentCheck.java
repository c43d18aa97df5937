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
 * Payments against orders: money frozen or taken belongs to an order being paid or paid;
 * a paid order has exactly one successful payment, the one it records, for its payable
 * amount.
 */
@Component
@Order(30)
class OrderPaymentCheck extends HoldingsCheck {

	private static final Map<String, Set<OrderStatus>> FITTING = Map.of("TRYING", EnumSet.of(OrderStatus.PAYING),
			"SUCCEEDED", EnumSet.of(OrderStatus.PAYING, OrderStatus.PAID));

	@Override
	String name() {
		return "order-payments";
	}

	@Override
	List<Holding> holdings(Snapshot snapshot) {
		return snapshot.payments();
	}

	@Override
	Set<OrderStatus> fittingOrderStatuses(String holdingStatus) {
		return FITTING.get(holdingStatus);
	}

	@Override
	String describe(Holding payment) {
		return "payment %s of %d cents for order %s is %s".formatted(payment.ref(), payment.amount(), payment.orderNo(),
				payment.status());
	}

	@Override
	Optional<String> mismatch(OrderFacts order, Holding payment) {
		if (order.status() == OrderStatus.PAID && payment.amount() != order.payableCents()) {
			return Optional.of("the order's payable amount is " + order.payableCents());
		}
		return Optional.empty();
	}

	@Override
	void expect(OrderFacts order, List<Holding> payments, boolean young, Findings findings) {
		if (order.status() != OrderStatus.PAID) {
			return;
		}
		List<String> succeeded = payments.stream()
			.filter(p -> "SUCCEEDED".equals(p.status()))
			.map(Holding::ref)
			.toList();
		if (!succeeded.equals(List.of(String.valueOf(order.paymentNo())))) {
			findings.add(young, "order %s is PAID with payment %s but its successful payments are %s"
				.formatted(order.orderNo(), order.paymentNo(), succeeded));
		}
	}

}
