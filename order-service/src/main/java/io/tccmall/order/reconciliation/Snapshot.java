package io.tccmall.order.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tccmall.common.reconciliation.Holding;

/**
 * What the checks look at, read once per run: the orders (those not yet final, those
 * changed since {@code since}, and any order a participant holds something for) and the
 * participants' holdings.
 *
 * @param now when the run started
 * @param since start of the window: final orders changed before it are not checked
 * @param stuckAfter a finding about rows changed more recently than this is reported as
 * in flight (phase two may still be running), not as a violation
 */
public record Snapshot(Instant now, Instant since, Duration stuckAfter, Map<String, OrderFacts> orders,
		List<Holding> reservations, List<Holding> payments, List<Holding> coupons) {

	/** Not final yet, or changed within the window: its holdings must match it. */
	public boolean inScope(OrderFacts order) {
		return !order.status().isFinal() || !order.updatedAt().isBefore(this.since);
	}

	/**
	 * Changed within the last {@code stuckAfter}: a mismatch may be phase two in flight.
	 */
	public boolean young(Instant changedAt) {
		return changedAt != null && changedAt.isAfter(this.now.minus(this.stuckAfter));
	}

	public static Map<String, List<Holding>> byOrder(List<Holding> holdings) {
		return holdings.stream().collect(Collectors.groupingBy(Holding::orderNo));
	}

}
