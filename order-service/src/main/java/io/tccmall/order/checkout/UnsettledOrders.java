package io.tccmall.order.checkout;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles orders whose TM did not (ADR 0012): it died between writing the order and
 * settling it, or could not learn the outcome. Every instance scans the orders left
 * TRYING or PAYING for longer than {@code tccmall.order.recovery.after} (past the global
 * transactions' 30 s timeout, so the TC has decided by then) and settles each by its
 * transaction's outcome; the guarded updates make two instances settling one order
 * harmless. {@code tccmall.order.recovered} counts the orders by outcome.
 */
@Component
class UnsettledOrders {

	private static final Logger log = LoggerFactory.getLogger(UnsettledOrders.class);

	private final OrderMapper orders;

	private final OrderOutcomes outcomes;

	private final MeterRegistry meters;

	private final Duration after;

	private final int batchSize;

	UnsettledOrders(OrderMapper orders, OrderOutcomes outcomes, MeterRegistry meters,
			@Value("${tccmall.order.recovery.after:45s}") Duration after,
			@Value("${tccmall.order.recovery.batch-size:100}") int batchSize) {
		this.orders = orders;
		this.outcomes = outcomes;
		this.meters = meters;
		this.after = after;
		this.batchSize = batchSize;
	}

	@Scheduled(fixedDelayString = "${tccmall.order.recovery.interval:5s}",
			initialDelayString = "${tccmall.order.recovery.interval:5s}")
	int settle() {
		int settled = 0;
		for (Order order : this.orders.findUnsettled(this.after.toSeconds(), this.batchSize)) {
			Outcome outcome = this.outcomes.settle(order);
			this.meters
				.counter("tccmall.order.recovered", "status", order.getStatus().name(), "outcome",
						outcome.name().toLowerCase())
				.increment();
			if (outcome == Outcome.UNDECIDED) {
				log.warn("order {} is still {}: the outcome of its transaction is not known yet", order.getOrderNo(),
						order.getStatus());
			}
			else {
				settled++;
				log.info("order {} was left {}: settled as {}", order.getOrderNo(), order.getStatus(), outcome);
			}
		}
		return settled;
	}

}
