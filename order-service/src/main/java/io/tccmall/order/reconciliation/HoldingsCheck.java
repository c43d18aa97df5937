package io.tccmall.order.reconciliation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tccmall.common.reconciliation.CheckResult;
import io.tccmall.common.reconciliation.Holding;
import io.tccmall.order.order.OrderStatus;

/**
 * Compares one participant's holdings with the orders, both ways: every holding fits the
 * status of its order (e.g. frozen stock belongs to an order that is not final yet), and
 * every order in scope has what its status says it must have (e.g. a paid order's stock
 * is sold).
 */
abstract class HoldingsCheck implements ReconciliationCheck {

	@Override
	public CheckResult check(Snapshot snapshot) {
		Findings findings = new Findings();
		List<Holding> holdings = holdings(snapshot);
		for (Holding holding : holdings) {
			checkHolding(snapshot, holding, findings);
		}
		Map<String, List<Holding>> byOrder = Snapshot.byOrder(holdings);
		long checked = 0;
		for (OrderFacts order : snapshot.orders().values()) {
			if (snapshot.inScope(order)) {
				checked++;
				List<Holding> ofOrder = byOrder.getOrDefault(order.orderNo(), List.of());
				boolean young = snapshot.young(order.updatedAt())
						|| ofOrder.stream().anyMatch(h -> snapshot.young(h.updatedAt()));
				expect(order, ofOrder, young, findings);
			}
		}
		findings.detail("ordersChecked", checked);
		findings.detail("holdingsChecked", holdings.size());
		return findings.result(name());
	}

	private void checkHolding(Snapshot snapshot, Holding holding, Findings findings) {
		Set<OrderStatus> fitting = fittingOrderStatuses(holding.status());
		if (fitting == null) {
			return;
		}
		OrderFacts order = snapshot.orders().get(holding.orderNo());
		boolean young = snapshot.young(holding.updatedAt()) || (order != null && snapshot.young(order.updatedAt()));
		if (order == null) {
			findings.add(young,
					describe(holding) + " without an order (order " + holding.orderNo() + " does not exist)");
		}
		else if (!fitting.contains(order.status())) {
			findings.add(young, describe(holding) + " but order " + order.orderNo() + " is " + order.status());
		}
		else {
			mismatch(order, holding).ifPresent(why -> findings.add(young, describe(holding) + " but " + why));
		}
	}

	abstract String name();

	abstract List<Holding> holdings(Snapshot snapshot);

	/** The order statuses a holding in this status can belong to; null: any, or none. */
	abstract Set<OrderStatus> fittingOrderStatuses(String holdingStatus);

	/** e.g. "frozen stock: reservation of 2 x SKU-1 for order O-1 is HELD". */
	abstract String describe(Holding holding);

	/** Anything else that disagrees between a holding and its (fitting) order. */
	java.util.Optional<String> mismatch(OrderFacts order, Holding holding) {
		return java.util.Optional.empty();
	}

	/** What an order in scope must hold here; report what it lacks. */
	abstract void expect(OrderFacts order, List<Holding> holdings, boolean young, Findings findings);

}
