package io.tccmall.order.reconciliation;

import java.time.Duration;

import io.tccmall.common.reconciliation.CheckResult;
import io.tccmall.order.order.OrderStatus;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Orders in TRYING, PAYING or CANCELLING longer than {@code stuckAfter}: their global
 * transaction has not finished phase two. Orders awaiting payment longer than
 * {@code stuckAfter} past their deadline: the timeout has not cancelled them. Younger
 * ones are in flight.
 */
@Component
@Order(10)
class StuckOrdersCheck implements ReconciliationCheck {

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
		for (OrderFacts order : snapshot.orders().values()) {
			if (order.status() == OrderStatus.AWAITING_PAYMENT && order.expireAt().isBefore(snapshot.now())) {
				// the timeout cancels within seconds of the deadline
				findings.add(snapshot.young(order.expireAt()),
						"order %s awaiting payment %s past its deadline (%s)".formatted(order.orderNo(),
								Duration.between(order.expireAt(), snapshot.now()).withNanos(0), order.expireAt()));
			}
		}
		findings.detail("stuckAfter", snapshot.stuckAfter().toString());
		return findings.result("stuck-orders");
	}

}
