package io.tccmall.inventory.reservation;

import java.util.List;

import io.tccmall.common.events.EventReader;
import io.tccmall.common.outbox.EventBatch;
import io.tccmall.order.api.OrderEvents;
import io.tccmall.order.api.OrderLifecycleEvent;
import io.tccmall.order.api.OrderPaid;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Books a paid order's stock as sold ({@code frozen -> sold}, reservations {@code SOLD})
 * when its {@code OrderPaid} event arrives. The payment needs no inventory branch: the
 * stock was the order's from the moment its reservation committed (frozen, out of
 * {@code available}), and no cancel can release it once the order has left
 * {@code AWAITING_PAYMENT} (ADR 0011). Applying the event twice books the stock once: a
 * reservation already {@code SOLD} is left alone.
 */
@Component
class StockSales {

	static final String CONSUMER = "inventory-sales";

	private static final Logger log = LoggerFactory.getLogger(StockSales.class);

	private final ReservationLedger ledger;

	private final StockReservationMapper reservations;

	private final EventReader events;

	StockSales(ReservationLedger ledger, StockReservationMapper reservations, EventReader events) {
		this.ledger = ledger;
		this.reservations = reservations;
		this.events = events;
	}

	/**
	 * A poll's events in one call; each paid order is sold in a transaction of its own,
	 * so that one transaction never locks the stock rows of several orders.
	 */
	@KafkaListener(topics = OrderEvents.TOPIC, groupId = CONSUMER, batch = "true")
	public void on(List<ConsumerRecord<String, String>> records) {
		EventBatch.forEach(records, record -> {
			if (EventBatch.mayBe(record, OrderPaid.class)
					&& this.events.read(record, OrderLifecycleEvent.class) instanceof OrderPaid paid) {
				sell(paid.orderNo());
			}
		});
	}

	/**
	 * Returns how many of the order's reservations this call booked as sold, or throws
	 * {@link ReleaseUndecided} (the container retries the event) while a release of the
	 * order is undecided. A reservation still {@code TRYING} belongs to a place-order
	 * transaction that has committed (the order could not be paid otherwise) and whose
	 * Confirm has not reached inventory yet: it is sold all the same, and that Confirm
	 * then finds nothing to do. The rows are locked first, so such a Confirm waits
	 * instead of racing this transaction.
	 */
	int sell(String orderNo) {
		return this.ledger.inTransaction(() -> {
			int sold = 0;
			for (StockReservation row : this.reservations.lockByOrder(orderNo)) {
				switch (row.getStatus()) {
					case TRYING, HELD -> {
						// the row is locked: it is still in the status it was read in
						if (this.ledger.settle(row, ReservationStatus.SOLD, this.ledger::sell)) {
							sold++;
						}
					}
					case SOLD -> {
					}
					// an undecided cancel of this order is being rolled back (its order
					// branch already was,
					// so the order could be paid): the release's Cancel puts the row back
					// to HELD, then this
					// event is applied again. Dropped here, the paid order's stock would
					// stay frozen for good
					case RELEASING -> throw new ReleaseUndecided(orderNo, row.getSkuId());
					default -> log.error("order {} was paid but its reservation of sku {} is {}: left as it is "
							+ "(reconciliation check order-stock)", orderNo, row.getSkuId(), row.getStatus());
				}
			}
			if (sold > 0) {
				log.info("order {}: {} reservation(s) sold", orderNo, sold);
			}
			return sold;
		});
	}

	/**
	 * The paid order's reservation is RELEASING: a cancel transaction that the TC is
	 * rolling back. Transient: the event is retried (with the service's back-off) until
	 * the release's Cancel has put the row back to HELD.
	 */
	static class ReleaseUndecided extends RuntimeException {

		ReleaseUndecided(String orderNo, String skuId) {
			super("order " + orderNo + " was paid while the release of its sku " + skuId
					+ " is undecided (RELEASING): sold once the release is rolled back");
		}

	}

}
