package io.tccmall.order.flashsale;

import io.tccmall.common.events.EventReader;
import io.tccmall.common.resilience.ParticipantCalls;
import io.tccmall.common.web.BusinessException;
import io.tccmall.order.api.FlashSaleTicketQueued;
import io.tccmall.order.checkout.CheckoutService;
import io.tccmall.order.checkout.OrderView;
import io.tccmall.order.participant.InventoryClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns queued tickets into orders through the normal place-order global transaction, one
 * at a time per partition: the pace the database takes, whatever the crowd. A ticket
 * delivered twice places one order (the ticket is the order's idempotency key). A refused
 * order fails its ticket and gives the unit and the buyer's quota back, once (the guarded
 * QUEUED -> FAILED update). A participant that is down fails nothing: the record is
 * retried.
 */
@Component
class FlashSaleOrderWorker {

	private static final Logger log = LoggerFactory.getLogger(FlashSaleOrderWorker.class);

	private final FlashTickets tickets;

	private final CheckoutService checkout;

	private final FlashSaleGate gate;

	private final InventoryClient inventory;

	private final ParticipantCalls calls;

	private final EventReader events;

	FlashSaleOrderWorker(FlashTickets tickets, CheckoutService checkout, FlashSaleGate gate, InventoryClient inventory,
			ParticipantCalls calls, EventReader events) {
		this.tickets = tickets;
		this.checkout = checkout;
		this.gate = gate;
		this.inventory = inventory;
		this.calls = calls;
		this.events = events;
	}

	// a buyer waits for this: a fetch returns as soon as one ticket is there, not when
	// the service-wide 16 KB or 500 ms of tccmall-defaults.yml are reached
	@KafkaListener(topics = FlashSaleTicketQueued.TOPIC, groupId = "flash-sale-orders",
			properties = "fetch.min.bytes=1")
	void on(ConsumerRecord<String, String> record) {
		FlashSaleTicketQueued queued = this.events.read(record, FlashSaleTicketQueued.class);
		FlashTickets.Ticket ticket = this.tickets.find(queued.ticketId());
		if (ticket == null || !ticket.status().equals("QUEUED")) {
			return;
		}
		InventoryClient.FlashSale sale = this.calls.call("inventory", () -> this.inventory.flashSale(ticket.saleId()));
		try {
			OrderView order = this.checkout.placeFlashSaleOrder(ticket.userId(), ticket.ticketId(), sale.saleId(),
					sale.skuId(), sale.paymentDeadlineSeconds());
			this.tickets.ordered(ticket.ticketId(), order.orderNo());
			log.info("flash sale {}: ticket {} of {} is order {}", sale.saleId(), ticket.ticketId(), ticket.userId(),
					order.orderNo());
		}
		catch (RuntimeException ex) {
			BusinessException refused = BusinessException.refusalIn(ex);
			if (refused == null) {
				throw ex;
			}
			fail(ticket, refused.code());
		}
	}

	private void fail(FlashTickets.Ticket ticket, String reason) {
		if (this.tickets.failed(ticket.ticketId(), reason)) {
			// the sale's units in the database are gone: Redis must not hand that unit
			// out
			// again
			if (!reason.equals("SOLD_OUT")) {
				this.gate.giveBack(ticket.saleId(), ticket.userId());
			}
			log.warn("flash sale {}: ticket {} of {} failed: {}", ticket.saleId(), ticket.ticketId(), ticket.userId(),
					reason);
		}
	}

}
