package io.tccmall.order.flashsale;

import java.util.List;

import io.tccmall.common.events.EventReader;
import io.tccmall.common.outbox.EventBatch;
import io.tccmall.order.api.OrderCancelled;
import io.tccmall.order.api.OrderEvents;
import io.tccmall.order.api.OrderLifecycleEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * When a flash-sale order is cancelled (its buyer, or its short payment deadline), its
 * unit goes back to the sale in Redis, once: inventory already gave it back to the sale's
 * remaining units in the cancel's global transaction, and the guarded ORDERED -> RELEASED
 * update of the ticket makes a redelivered event change nothing.
 */
@Component
class FlashSaleReleases {

	private static final Logger log = LoggerFactory.getLogger(FlashSaleReleases.class);

	private final FlashTickets tickets;

	private final FlashSaleGate gate;

	private final EventReader events;

	FlashSaleReleases(FlashTickets tickets, FlashSaleGate gate, EventReader events) {
		this.tickets = tickets;
		this.gate = gate;
		this.events = events;
	}

	@KafkaListener(topics = OrderEvents.TOPIC, groupId = "flash-sale-releases", batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		EventBatch.forEach(records, record -> {
			if (EventBatch.mayBe(record, OrderCancelled.class)
					&& this.events.read(record, OrderLifecycleEvent.class) instanceof OrderCancelled cancelled) {
				release(cancelled);
			}
		});
	}

	private void release(OrderCancelled cancelled) {
		FlashTickets.Ticket ticket = this.tickets.findByOrder(cancelled.orderNo());
		if (ticket != null && this.tickets.released(ticket.ticketId())) {
			this.gate.unitBack(ticket.saleId());
			log.info("flash sale {}: order {} was cancelled ({}), its unit is back", ticket.saleId(),
					cancelled.orderNo(), cancelled.reason());
		}
	}

}
