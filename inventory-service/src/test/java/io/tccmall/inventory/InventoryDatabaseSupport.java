package io.tccmall.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tccmall.order.api.OrderEvents;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service against the real test database ({@code tccmall_inventory_test}),
 * emptied before every test. Seata is off: tests call the TCC actions directly with a
 * hand-made {@link BusinessActionContext}, as the TC would. One application context (with
 * MockMvc, and an embedded Kafka broker for the order events) serves every integration
 * test; its consumers retry a failing event with a back-off of milliseconds.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.listener.auto-startup=true",
		// a failing event is retried every 10-20 ms, and a fetch after the error
		// handler's seek does not wait, so that a test sees hundreds of deliveries in
		// seconds
		"tccmall.events.retry.initial-interval=10ms", "tccmall.events.retry.max-interval=20ms",
		"spring.kafka.consumer.fetch-min-size=1", "spring.kafka.consumer.fetch-max-wait=10ms" })
@EmbeddedKafka(kraft = true, partitions = 1, topics = OrderEvents.TOPIC)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class InventoryDatabaseSupport {

	@Autowired
	protected JdbcTemplate jdbc;

	@BeforeEach
	void emptyTables() {
		this.jdbc.update("DELETE FROM stock_reservation");
		this.jdbc.update("DELETE FROM restock");
		this.jdbc.update("DELETE FROM flash_sale");
		this.jdbc.update("DELETE FROM product");
		this.jdbc.update("DELETE FROM tcc_fence_log");
	}

	protected void product(String skuId, String name, long priceCents, int stock) {
		this.jdbc.update(
				"INSERT INTO product (sku_id, name, price_cents, available, initial_stock) VALUES (?, ?, ?, ?, ?)",
				skuId, name, priceCents, stock, stock);
	}

	protected Stock stock(String skuId) {
		return this.jdbc.queryForObject(
				"SELECT available, frozen, sold, restocked, initial_stock FROM product WHERE sku_id = ?",
				(rs, n) -> new Stock(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)), skuId);
	}

	/** sku -> status of the order's reservations. */
	protected Map<String, String> reservations(String orderNo) {
		Map<String, String> statuses = new HashMap<>();
		this.jdbc.queryForList("SELECT sku_id, status FROM stock_reservation WHERE order_no = ?", orderNo)
			.forEach(row -> statuses.put((String) row.get("sku_id"), (String) row.get("status")));
		return statuses;
	}

	protected int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	/** The invariant the reconciliation relies on, for every product. */
	protected void assertStockBalanced() {
		List<String> unbalanced = this.jdbc
			.queryForList("SELECT sku_id FROM product WHERE available + frozen + sold + flash_stock"
					+ " <> initial_stock + restocked OR available < 0 OR frozen < 0 OR sold < 0 OR flash_stock < 0"
					+ " OR flash_stock <> (SELECT COALESCE(SUM(remaining), 0) FROM flash_sale s"
					+ " WHERE s.sku_id = product.sku_id)", String.class);
		assertThat(unbalanced).as("products breaking available + frozen + sold + flash = initial + restocked")
			.isEmpty();
	}

	/** The context the TC hands to Confirm/Cancel of a branch. */
	protected static BusinessActionContext context(String action, String orderNo) {
		Map<String, Object> values = new HashMap<>();
		values.put("orderNo", orderNo);
		BusinessActionContext ctx = new BusinessActionContext("127.0.0.1:8091:" + orderNo, "1", values);
		ctx.setActionName(action);
		return ctx;
	}

	public record Stock(int available, int frozen, int sold, int restocked, int initial) {

	}

}
