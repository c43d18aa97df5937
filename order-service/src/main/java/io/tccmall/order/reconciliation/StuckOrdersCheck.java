package io.tccmall.order.reconciliation;

import java.time.Duration;
import java.util.List;

import io.tccmall.common.reconciliation.CheckResult;
import io.tccmall.order.order.OrderStatus;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Orders in TRYING, PAYING or CANCELLING longer than {@code stuckAfter}: their global
 * transaction has not finished phase two. Younger ones are in flight. Orders awaiting
 * payment past their deadline are counted in the details: the timeout that cancels them
 * is not built yet, so they are not a violation.
 */
@Component
@Order(10)
class StuckOrdersCheck implements ReconciliationCheck {

	private static final int MAX_LISTED = 20;

	@Override
	public CheckResult check(Snapshot snapshot) {
		Findings findings = new Findings();
		for (OrderFacts order : snapshot.orders().values()) {
			if (order.status() == OrderStatus.TRYING || order.status() == OrderStatus.PAYING
					|| order.status() == OrderStatus.CANCELLING) {
				Duration age = Duration.between(order.updatedAt(), snapshot.now());
				findings.add(snapshot.young(order.updatedAt()), "order %s stuck in %s for %s (since %s; place xid %s)"
					.formatted(order.orderNo(), order.status(), age.withNanos(0), order.updatedAt(), order.placeXid()));
			}
		}
		List<String> pastDeadline = snapshot.orders()
			.values()
			.stream()
			.filter(o -> o.status() == OrderStatus.AWAITING_PAYMENT && o.expireAt().isBefore(snapshot.now()))
			.map(OrderFacts::orderNo)
			.sorted()
			.toList();
		findings.detail("awaitingPaymentPastDeadline", pastDeadline.size());
		if (!pastDeadline.isEmpty()) {
			findings.detail("awaitingPaymentPastDeadlineOrders",
					pastDeadline.subList(0, Math.min(MAX_LISTED, pastDeadline.size())));
		}
		findings.detail("stuckAfter", snapshot.stuckAfter().toString());
		return findings.result("stuck-orders");
	}

}
