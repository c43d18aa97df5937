package io.tccmall.order.flashsale;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code flash_ticket} table; every status change is a guarded update. */
@Component
class FlashTickets {

	private final JdbcTemplate jdbc;

	FlashTickets(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insertQueued(String ticketId, String saleId, String userId, String idempotencyKey) {
		this.jdbc.update("INSERT INTO flash_ticket (ticket_id, sale_id, user_id, idempotency_key, status)"
				+ " VALUES (?, ?, ?, ?, 'QUEUED')", ticketId, saleId, userId, idempotencyKey);
	}

	Ticket find(String ticketId) {
		List<Ticket> found = this.jdbc.query("SELECT * FROM flash_ticket WHERE ticket_id = ?", FlashTickets::ticket,
				ticketId);
		return found.isEmpty() ? null : found.get(0);
	}

	Ticket findByOrder(String orderNo) {
		List<Ticket> found = this.jdbc.query("SELECT * FROM flash_ticket WHERE order_no = ?", FlashTickets::ticket,
				orderNo);
		return found.isEmpty() ? null : found.get(0);
	}

	List<Ticket> mine(String saleId, String userId) {
		return this.jdbc.query("SELECT * FROM flash_ticket WHERE sale_id = ? AND user_id = ? ORDER BY created_at",
				FlashTickets::ticket, saleId, userId);
	}

	boolean ordered(String ticketId, String orderNo) {
		return this.jdbc.update("UPDATE flash_ticket FORCE INDEX (PRIMARY) SET status = 'ORDERED', order_no = ?"
				+ " WHERE ticket_id = ? AND status = 'QUEUED'", orderNo, ticketId) == 1;
	}

	boolean failed(String ticketId, String reason) {
		return this.jdbc.update(
				"UPDATE flash_ticket FORCE INDEX (PRIMARY) SET status = 'FAILED', reason = ? WHERE ticket_id = ? AND status = 'QUEUED'",
				reason, ticketId) == 1;
	}

	boolean released(String ticketId) {
		return this.jdbc.update(
				"UPDATE flash_ticket FORCE INDEX (PRIMARY) SET status = 'RELEASED' WHERE ticket_id = ? AND status = 'ORDERED'",
				ticketId) == 1;
	}

	long queued(String saleId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM flash_ticket WHERE sale_id = ? AND status = 'QUEUED'",
				Long.class, saleId);
	}

	double queuedTotal() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM flash_ticket WHERE status = 'QUEUED'", Long.class);
	}

	/** Tickets that count against each buyer's limit (a failed one does not). */
	Map<String, Long> ticketsPerBuyer(String saleId) {
		Map<String, Long> perBuyer = new HashMap<>();
		this.jdbc.query("SELECT user_id, COUNT(*) FROM flash_ticket WHERE sale_id = ? AND status <> 'FAILED'"
				+ " GROUP BY user_id", rs -> {
					perBuyer.put(rs.getString(1), rs.getLong(2));
				}, saleId);
		return perBuyer;
	}

	Map<String, String> ticketsByKey(String saleId) {
		Map<String, String> byKey = new HashMap<>();
		this.jdbc.query("SELECT user_id, idempotency_key, ticket_id FROM flash_ticket WHERE sale_id = ?", rs -> {
			byKey.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
		}, saleId);
		return byKey;
	}

	private static Ticket ticket(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Ticket(rs.getString("ticket_id"), rs.getString("sale_id"), rs.getString("user_id"),
				rs.getString("status"), rs.getString("order_no"), rs.getString("reason"),
				rs.getTimestamp("created_at").toInstant());
	}

	record Ticket(String ticketId, String saleId, String userId, String status, String orderNo, String reason,
			Instant createdAt) {
	}

}
