package io.tccmall.order.admin;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The admin_audit table: one row per admin action on an order, whatever its outcome. */
@Component
class AdminAudit {

	private final JdbcClient jdbc;

	AdminAudit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(Entry entry) {
		this.jdbc.sql("""
				INSERT INTO admin_audit (actor, order_no, action, reason, status_before, status_after, outcome, detail)
				VALUES (:actor, :orderNo, :action, :reason, :before, :after, :outcome, :detail)""")
			.param("actor", entry.actor())
			.param("orderNo", entry.orderNo())
			.param("action", entry.action())
			.param("reason", entry.reason())
			.param("before", entry.statusBefore())
			.param("after", entry.statusAfter())
			.param("outcome", entry.outcome())
			.param("detail", truncate(entry.detail()))
			.update();
	}

	List<Entry> forOrder(String orderNo) {
		return this.jdbc.sql("SELECT * FROM admin_audit WHERE order_no = :orderNo ORDER BY at, id")
			.param("orderNo", orderNo)
			.query((rs, n) -> new Entry(rs.getString("actor"), rs.getTimestamp("at").toInstant(),
					rs.getString("order_no"), rs.getString("action"), rs.getString("reason"),
					rs.getString("status_before"), rs.getString("status_after"), rs.getString("outcome"),
					rs.getString("detail")))
			.list();
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 1000) ? text : text.substring(0, 1000);
	}

	/**
	 * @param outcome RELEASED, REFUSED or FAILED
	 */
	record Entry(String actor, Instant at, String orderNo, String action, String reason, String statusBefore,
			String statusAfter, String outcome, String detail) {
	}

}
