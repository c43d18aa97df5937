package io.tccmall.order.summary;

import java.util.List;

import io.tccmall.common.web.Caller;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's order summary. It is a projection of the order events, so it may trail the
 * orders themselves by the outbox and Kafka lag (about a second).
 */
@RestController
class OrderSummaryController {

	private final JdbcTemplate jdbc;

	OrderSummaryController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/orders/summary")
	OrderSummary mine(Caller caller) {
		List<OrderSummary> found = this.jdbc.query(
				"SELECT user_id, orders_placed, orders_paid, orders_cancelled, orders_timed_out, paid_cents"
						+ " FROM user_order_summary WHERE user_id = ?",
				(rs, row) -> new OrderSummary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6)),
				caller.userId());
		return found.isEmpty() ? OrderSummary.empty(caller.userId()) : found.get(0);
	}

}
