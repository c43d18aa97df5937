package io.tccmall.order.flashsale;

import java.time.Instant;

/**
 * A buyer's ticket: {@code QUEUED}, {@code ORDERED} (with {@code orderNo}),
 * {@code FAILED} (with {@code reason}) or {@code RELEASED} (the order was cancelled).
 */
public record TicketView(String ticketId, String saleId, String status, String orderNo, String reason,
		Instant createdAt) {

	static TicketView queued(String ticketId, String saleId) {
		return new TicketView(ticketId, saleId, "QUEUED", null, null, null);
	}

	static TicketView of(FlashTickets.Ticket ticket) {
		return new TicketView(ticket.ticketId(), ticket.saleId(), ticket.status(), ticket.orderNo(), ticket.reason(),
				ticket.createdAt());
	}

}
