package io.tccmall.order.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tccmall.common.reconciliation.CheckResult;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Flash-sale tickets move on: none waits in the queue longer than {@code stuckAfter}, and
 * a ticket whose order was cancelled has given its unit back (RELEASED).
 */
@Component
@Order(70)
class FlashTicketsCheck implements ReconciliationCheck {

	private final JdbcTemplate jdbc;

	FlashTicketsCheck(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public CheckResult check(Snapshot snapshot) {
		long stuckSeconds = snapshot.stuckAfter().toSeconds();
		List<String> violations = new ArrayList<>(this.jdbc.query(
				"SELECT ticket_id, sale_id, user_id, created_at FROM flash_ticket WHERE status = 'QUEUED'"
						+ " AND created_at < NOW(3) - INTERVAL ? SECOND ORDER BY created_at LIMIT 50",
				(rs, n) -> "flash ticket %s of %s (sale %s) queued since %s".formatted(rs.getString("ticket_id"),
						rs.getString("user_id"), rs.getString("sale_id"), rs.getTimestamp("created_at").toInstant()),
				stuckSeconds));
		violations.addAll(this.jdbc.query(
				"SELECT t.ticket_id, t.sale_id, o.order_no FROM flash_ticket t JOIN orders o ON o.order_no = t.order_no"
						+ " WHERE t.status = 'ORDERED' AND o.status = 'CANCELLED'"
						+ " AND o.updated_at < NOW(3) - INTERVAL ? SECOND LIMIT 50",
				(rs, n) -> "flash ticket %s (sale %s): order %s is cancelled but its unit was not given back"
					.formatted(rs.getString("ticket_id"), rs.getString("sale_id"), rs.getString("order_no")),
				stuckSeconds));
		long queued = this.jdbc.queryForObject("SELECT COUNT(*) FROM flash_ticket WHERE status = 'QUEUED'", Long.class);
		return CheckResult.of("flash-sale-tickets", violations, Map.of("queued", queued));
	}

}
