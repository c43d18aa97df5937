package io.tccmall.order.flashsale;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tccmall.common.id.Ids;
import io.tccmall.common.lock.LockTemplate;
import io.tccmall.common.outbox.Outbox;
import io.tccmall.common.resilience.ParticipantCalls;
import io.tccmall.common.web.BusinessException;
import io.tccmall.order.api.FlashSaleTicketQueued;
import io.tccmall.order.flashsale.FlashSaleGate.Admission;
import io.tccmall.order.flashsale.FlashSaleGate.SaleState;
import io.tccmall.order.participant.InventoryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admits buyers to a flash sale: Redis decides in one script (no database work for a
 * refusal); an admitted buyer's ticket and its queue event commit together, and the
 * tickets become orders at the pace of {@link FlashSaleOrderWorker}.
 */
@Service
class FlashSaleService {

	private static final Logger log = LoggerFactory.getLogger(FlashSaleService.class);

	private final FlashSaleGate gate;

	private final FlashTickets tickets;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final InventoryClient inventory;

	private final ParticipantCalls calls;

	private final LockTemplate locks;

	private final MeterRegistry meters;

	FlashSaleService(FlashSaleGate gate, FlashTickets tickets, Outbox outbox, TransactionTemplate transactions,
			InventoryClient inventory, ParticipantCalls calls, LockTemplate locks, MeterRegistry meters) {
		this.meters = meters;
		Gauge.builder("tccmall.flash.sale.queue.depth", tickets, FlashTickets::queuedTotal)
			.description("Admitted flash-sale tickets waiting to become orders")
			.register(meters);
		this.gate = gate;
		this.tickets = tickets;
		this.outbox = outbox;
		this.transactions = transactions;
		this.inventory = inventory;
		this.calls = calls;
		this.locks = locks;
	}

	TicketView admit(String userId, String saleId, String idempotencyKey) {
		Admission admission = this.gate.admit(saleId, userId, idempotencyKey, Ids.next());
		if (admission.outcome() == Admission.Outcome.MISSING) {
			load(saleId);
			admission = this.gate.admit(saleId, userId, idempotencyKey, Ids.next());
		}
		this.meters.counter("tccmall.flash.sale.admissions", "outcome", admission.outcome().name().toLowerCase())
			.increment();
		return switch (admission.outcome()) {
			case ADMITTED -> queue(admission.ticketId(), saleId, userId, idempotencyKey);
			case REPLAY -> replay(admission.ticketId(), saleId);
			case NOT_STARTED -> throw refusal("NOT_STARTED", "Flash sale " + saleId + " has not started");
			case ENDED -> throw refusal("ENDED", "Flash sale " + saleId + " has ended");
			case LIMIT_REACHED ->
				throw refusal("LIMIT_REACHED", "You hold as many tickets as sale " + saleId + " allows");
			case SOLD_OUT -> throw refusal("SOLD_OUT", "Flash sale " + saleId + " is sold out");
			case MISSING -> throw BusinessException.notFound("FLASH_SALE_NOT_FOUND", "No flash sale " + saleId);
		};
	}

	private TicketView queue(String ticketId, String saleId, String userId, String idempotencyKey) {
		try {
			this.transactions.executeWithoutResult(status -> {
				this.tickets.insertQueued(ticketId, saleId, userId, idempotencyKey);
				this.outbox.append(FlashSaleTicketQueued.TOPIC, ticketId, Ids.next(), new FlashSaleTicketQueued(
						Ids.next(), FlashSaleTicketQueued.SCHEMA_VERSION, Instant.now(), ticketId, saleId, userId));
			});
		}
		catch (RuntimeException ex) {
			// nothing was queued: the unit and the quota go back, the key is free again
			this.gate.giveBack(saleId, userId);
			this.gate.forgetKey(saleId, userId, idempotencyKey);
			throw ex;
		}
		return TicketView.queued(ticketId, saleId);
	}

	private TicketView replay(String ticketId, String saleId) {
		FlashTickets.Ticket ticket = this.tickets.find(ticketId);
		// the first request may still be committing its ticket
		return (ticket == null) ? TicketView.queued(ticketId, saleId) : TicketView.of(ticket);
	}

	/**
	 * Rebuilds a sale's Redis keys from the databases (first use, or Redis lost them).
	 * One instance loads while the others wait for it.
	 */
	void load(String saleId) {
		this.locks.withLock("flash-sale-load:" + saleId, Duration.ofSeconds(10), () -> {
			// the preloader asks every few seconds, and admissions that found it missing
			// queue here behind the one that loads it: read the databases only when
			// needed
			if (this.gate.holds(saleId)) {
				return null;
			}
			InventoryClient.FlashSale sale = this.calls.call("inventory", () -> this.inventory.flashSale(saleId));
			SaleState state = new SaleState(saleId, sale.startsAt(), sale.endsAt(), sale.perUserLimit(),
					Math.max(0, sale.remaining() - this.tickets.queued(saleId)), this.tickets.ticketsPerBuyer(saleId),
					this.tickets.ticketsByKey(saleId));
			if (this.gate.load(state)) {
				log.info("flash sale {} loaded into Redis: {} units left, {} buyers", saleId, state.unitsLeft(),
						state.ticketsPerBuyer().size());
			}
			return null;
		});
	}

	private static BusinessException refusal(String code, String detail) {
		return BusinessException.conflict(code, detail);
	}

}
