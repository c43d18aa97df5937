package io.tccmall.order.timeout;

import java.time.Duration;

import io.tccmall.order.checkout.CheckoutMetrics;
import io.tccmall.order.checkout.CheckoutService;
import io.tccmall.order.order.OrderMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cancels unpaid orders past their deadline (ADR 0007). Every instance scans the
 * {@code (status, expire_at)} index each interval; the deadline lives in the database, so
 * no restart of anything loses one. Instances split the work by skipping orders whose
 * lock another holds, and the guarded {@code AWAITING_PAYMENT -> CANCELLING} update makes
 * sure an order is cancelled once even if two get there, or a payment races the deadline.
 */
@Component
class OrderTimeouts {

	private static final Logger log = LoggerFactory.getLogger(OrderTimeouts.class);

	private final OrderMapper orders;

	private final CheckoutService checkout;

	private final CheckoutMetrics metrics;

	private final int batchSize;

	OrderTimeouts(OrderMapper orders, CheckoutService checkout, CheckoutMetrics metrics,
			@Value("${tccmall.order.timeout-batch-size:100}") int batchSize) {
		this.orders = orders;
		this.checkout = checkout;
		this.metrics = metrics;
		this.batchSize = batchSize;
	}

	@Scheduled(fixedDelayString = "${tccmall.order.timeout-scan-interval:1s}",
			initialDelayString = "${tccmall.order.timeout-scan-interval:1s}")
	int cancelExpired() {
		int cancelled = 0;
		for (String orderNo : this.orders.findExpired(this.batchSize)) {
			try {
				if (this.metrics.time("timeout", () -> this.checkout.expire(orderNo, Duration.ZERO))) {
					cancelled++;
					log.info("order {} cancelled: its payment deadline passed", orderNo);
				}
			}
			catch (RuntimeException ex) {
				// a participant or the TC is down: the order stays due and is tried again
				log.warn("order {} is past its deadline but could not be cancelled yet: {}", orderNo, ex.toString());
			}
		}
		return cancelled;
	}

}
