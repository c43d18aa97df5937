package io.tccmall.order.reconciliation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.tccmall.common.reconciliation.Holding;
import io.tccmall.order.order.OrderStatus;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stock reservations against orders: live reservations (frozen stock) and sold ones
 * belong to an order in a fitting state; an order awaiting payment holds its items, a
 * paid order has sold them (once inventory-service has read its {@code OrderPaid} event).
 */
@Component
@Order(20)
class OrderStockCheck extends HoldingsCheck {

	/**
	 * A paid order's reservations stay {@code HELD} until inventory-service has read its
	 * {@code OrderPaid} event; {@link #expect} reports that as a lag while it is young.
	 */
	private static final Map<String, Set<OrderStatus>> FITTING = Map.of("TRYING", EnumSet.of(OrderStatus.TRYING),
			"HELD",
			EnumSet.of(OrderStatus.TRYING, OrderStatus.AWAITING_PAYMENT, OrderStatus.PAYING, OrderStatus.CANCELLING,
					OrderStatus.PAID),
			"SOLD", EnumSet.of(OrderStatus.PAID), "RELEASING", EnumSet.of(OrderStatus.CANCELLING), "RELEASED",
			EnumSet.of(OrderStatus.CANCELLING, OrderStatus.CANCELLED));

	@Override
	String name() {
		return "order-stock";
	}

	@Override
	List<Holding> holdings(Snapshot snapshot) {
		return snapshot.reservations();
	}

	@Override
	Set<OrderStatus> fittingOrderStatuses(String holdingStatus) {
		return FITTING.get(holdingStatus);
	}

	@Override
	String describe(Holding reservation) {
		String what = "SOLD".equals(reservation.status()) ? "sold stock" : "frozen stock";
		if ("RELEASED".equals(reservation.status())) {
			what = "released stock";
		}
		return "%s of sku %s: reservation of %d for order %s is %s".formatted(what, reservation.ref(),
				reservation.amount(), reservation.orderNo(), reservation.status());
	}

	@Override
	void expect(OrderFacts order, List<Holding> reservations, boolean young, Findings findings) {
		String expected = switch (order.status()) {
			case AWAITING_PAYMENT -> "HELD";
			case PAID -> "SOLD";
			default -> null;
		};
		if (expected == null) {
			return;
		}
		Map<String, Long> held = new TreeMap<>(reservations.stream()
			.filter(r -> expected.equals(r.status()))
			.collect(Collectors.toMap(Holding::ref, Holding::amount, Long::sum)));
		if (!held.equals(new TreeMap<>(order.items()))) {
			findings.add(young, "order %s is %s but its %s reservations are %s, its items %s".formatted(order.orderNo(),
					order.status(), expected, held, new TreeMap<>(order.items())));
		}
	}

}
