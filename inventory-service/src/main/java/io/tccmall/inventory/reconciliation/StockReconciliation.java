package io.tccmall.inventory.reconciliation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tccmall.common.reconciliation.CheckResult;
import io.tccmall.common.reconciliation.Holding;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock invariants as SQL aggregates (each one statement, so it sees one consistent
 * state even while checkouts run), and the reservations order-service needs.
 */
@Component
@Transactional(readOnly = true)
class StockReconciliation {

	static final String LIVE = "'TRYING', 'HELD', 'RELEASING'";

	private final JdbcClient jdbc;

	StockReconciliation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * available + frozen + sold + flash_stock = initial_stock + restocked, none negative,
	 * restocked = the restocks, flash_stock = the remaining units of the sku's flash
	 * sales.
	 */
	CheckResult conservation() {
		List<String> violations = new ArrayList<>(this.jdbc
			.sql("""
					SELECT sku_id, available, frozen, sold, flash_stock, initial_stock, restocked,
					  (SELECT COALESCE(SUM(quantity), 0) FROM restock r WHERE r.sku_id = p.sku_id) AS restocks
					FROM product p
					WHERE available + frozen + sold + flash_stock <> initial_stock + restocked OR available < 0 OR frozen < 0
					  OR sold < 0 OR flash_stock < 0
					  OR restocked <> (SELECT COALESCE(SUM(quantity), 0) FROM restock r WHERE r.sku_id = p.sku_id)
					ORDER BY sku_id""")
			.query((rs,
					n) -> ("sku %s: available %d + frozen %d + sold %d + flash sales %d must equal initial %d"
							+ " + restocked %d (restocks total %d), none negative")
						.formatted(rs.getString("sku_id"), rs.getLong("available"), rs.getLong("frozen"),
								rs.getLong("sold"), rs.getLong("flash_stock"), rs.getLong("initial_stock"),
								rs.getLong("restocked"), rs.getLong("restocks")))
			.list());
		violations.addAll(this.jdbc.sql("""
				SELECT p.sku_id, p.flash_stock, COALESCE(s.remaining, 0) AS remaining
				FROM product p LEFT JOIN (SELECT sku_id, SUM(remaining) AS remaining FROM flash_sale GROUP BY sku_id) s
				  ON s.sku_id = p.sku_id
				WHERE p.flash_stock <> COALESCE(s.remaining, 0) ORDER BY p.sku_id""")
			.query((rs, n) -> "sku %s: flash stock %d but its flash sales have %d units left"
				.formatted(rs.getString("sku_id"), rs.getLong("flash_stock"), rs.getLong("remaining")))
			.list());
		return CheckResult.of("inventory.stock-conservation", violations, Map.of("skus", skus()));
	}

	/**
	 * frozen = the live reservations, sold = the SOLD ones, and no reservation of an
	 * unknown sku.
	 */
	CheckResult reservations() {
		List<String> violations = new ArrayList<>(this.jdbc
			.sql("""
					SELECT p.sku_id, p.frozen, p.sold, COALESCE(r.live, 0) AS live, COALESCE(r.sold, 0) AS sold_reserved
					FROM product p LEFT JOIN (
					  SELECT sku_id, SUM(IF(status IN (%s), quantity, 0)) AS live, SUM(IF(status = 'SOLD', quantity, 0)) AS sold
					  FROM stock_reservation GROUP BY sku_id) r ON r.sku_id = p.sku_id
					WHERE p.frozen <> COALESCE(r.live, 0) OR p.sold <> COALESCE(r.sold, 0)
					ORDER BY p.sku_id"""
				.formatted(LIVE))
			.query((rs,
					n) -> "sku %s: frozen %d but live reservations (TRYING/HELD/RELEASING) hold %d; sold %d, SOLD reservations %d"
						.formatted(rs.getString("sku_id"), rs.getLong("frozen"), rs.getLong("live"), rs.getLong("sold"),
								rs.getLong("sold_reserved")))
			.list());
		violations.addAll(this.jdbc.sql("""
				SELECT r.sku_id, r.order_no, r.status FROM stock_reservation r
				WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.sku_id = r.sku_id) ORDER BY r.sku_id, r.order_no""")
			.query((rs, n) -> "reservation of order %s for unknown sku %s (%s)".formatted(rs.getString("order_no"),
					rs.getString("sku_id"), rs.getString("status")))
			.list());
		return CheckResult.of("inventory.stock-reservations", violations, Map.of("skus", skus()));
	}

	/** Every live reservation, and every reservation that changed since {@code since}. */
	List<Holding> holdings(Instant since) {
		return this.jdbc.sql("""
				SELECT order_no, sku_id, quantity, status, updated_at FROM stock_reservation
				WHERE status IN (%s) OR (status IN ('SOLD', 'RELEASED', 'CANCELLED') AND updated_at >= :since)
				ORDER BY order_no, sku_id""".formatted(LIVE))
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new Holding(rs.getString("order_no"), rs.getString("sku_id"), rs.getString("status"),
					rs.getLong("quantity"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	private long skus() {
		return this.jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();
	}

}
