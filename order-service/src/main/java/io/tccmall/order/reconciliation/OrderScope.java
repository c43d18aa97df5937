package io.tccmall.order.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tccmall.order.order.OrderStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the orders a reconciliation run looks at, with their items: every order not final
 * yet (index on status), every order changed since the window's start (index on
 * updated_at), and the orders the participants hold something for (primary key).
 */
@Component
@Transactional(readOnly = true)
class OrderScope {

	private static final int BATCH = 500;

	private static final String COLUMNS = "order_no, status, coupon_id, payment_no, payable_cents, expire_at,"
			+ " updated_at, place_xid";

	private final JdbcClient jdbc;

	OrderScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, OrderFacts> load(Instant since, Collection<String> alsoOrders) {
		Map<String, OrderFacts> orders = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT " + COLUMNS + " FROM orders WHERE status IN ('TRYING', 'AWAITING_PAYMENT', 'PAYING',"
					+ " 'CANCELLING') UNION SELECT " + COLUMNS + " FROM orders WHERE updated_at >= :since")
			.param("since", Timestamp.from(since))
			.query(OrderScope::order)
			.list()
			.forEach(o -> orders.put(o.orderNo(), o));
		List<String> missing = alsoOrders.stream().filter(no -> !orders.containsKey(no)).distinct().toList();
		for (List<String> batch : batches(missing)) {
			this.jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE order_no IN (:orderNos)")
				.param("orderNos", batch)
				.query(OrderScope::order)
				.list()
				.forEach(o -> orders.put(o.orderNo(), o));
		}
		for (List<String> batch : batches(new ArrayList<>(orders.keySet()))) {
			this.jdbc.sql("SELECT order_no, sku_id, quantity FROM order_item WHERE order_no IN (:orderNos)")
				.param("orderNos", batch)
				.query((rs, n) -> {
					orders.get(rs.getString("order_no")).items().put(rs.getString("sku_id"), rs.getLong("quantity"));
					return null;
				})
				.list();
		}
		return orders;
	}

	private static OrderFacts order(ResultSet rs, int row) throws SQLException {
		return new OrderFacts(rs.getString("order_no"), OrderStatus.valueOf(rs.getString("status")),
				rs.getString("coupon_id"), rs.getString("payment_no"), rs.getLong("payable_cents"),
				rs.getTimestamp("expire_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("place_xid"), new HashMap<>());
	}

	private static List<List<String>> batches(List<String> all) {
		List<List<String>> batches = new ArrayList<>();
		for (int i = 0; i < all.size(); i += BATCH) {
			batches.add(all.subList(i, Math.min(all.size(), i + BATCH)));
		}
		return batches;
	}

}
