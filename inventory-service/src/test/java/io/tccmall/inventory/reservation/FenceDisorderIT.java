package io.tccmall.inventory.reservation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tccmall.common.testsupport.FenceDisorderContract;
import io.tccmall.common.testsupport.FencedAction;
import io.tccmall.inventory.SeataTcTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * stock-reserve and stock-release through Seata's real fence on
 * {@code tccmall_inventory_tc_test}: empty rollback then late Try, Confirm and Cancel
 * delivered twice (also racing), and a Try retried as a new branch (see
 * {@link FenceDisorderContract}). The order reserves 3 of SKU-A and 2 of SKU-B, 10 of
 * each in stock.
 */
@SeataTcTest
class FenceDisorderIT extends FenceDisorderContract {

	private static final String ORDER = "O-FENCE";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StockReserveAction reserve;

	@Autowired
	StockReleaseAction release;

	@Override
	protected void emptyTables() {
		this.jdbc.update("DELETE FROM stock_reservation");
		this.jdbc.update("DELETE FROM restock");
		this.jdbc.update("DELETE FROM product");
		this.jdbc.update("DELETE FROM tcc_fence_log");
	}

	@Override
	protected List<FencedAction> actions() {
		List<StockItem> items = List.of(new StockItem("SKU-B", 2), new StockItem("SKU-A", 3));
		Object fresh = state(List.of(10, 0, 0), List.of(10, 0, 0), Map.of());
		Object held = state(List.of(7, 3, 0), List.of(8, 2, 0), Map.of("SKU-A", "HELD", "SKU-B", "HELD"));
		return List.of(
				FencedAction.of(StockReserveAction.NAME, StockReserveAction.class, this.reserve)
					.context(ReservationLedger.ORDER_NO, ORDER)
					.given(this::products)
					.tries(ctx -> this.reserve.prepare(ctx, ORDER, items, null))
					.state(this::state)
					.expect(fresh,
							state(List.of(7, 3, 0), List.of(8, 2, 0), Map.of("SKU-A", "TRYING", "SKU-B", "TRYING")),
							held,
							state(List.of(10, 0, 0), List.of(10, 0, 0),
									Map.of("SKU-A", "CANCELLED", "SKU-B", "CANCELLED"))),
				FencedAction.of(StockReleaseAction.NAME, StockReleaseAction.class, this.release)
					.context(ReservationLedger.ORDER_NO, ORDER)
					.given(this::heldOrder)
					.tries(ctx -> this.release.prepare(ctx, ORDER))
					.state(this::state)
					.expect(held,
							state(List.of(7, 3, 0), List.of(8, 2, 0),
									Map.of("SKU-A", "RELEASING", "SKU-B", "RELEASING")),
							state(List.of(10, 0, 0), List.of(10, 0, 0),
									Map.of("SKU-A", "RELEASED", "SKU-B", "RELEASED")),
							held)
					// RELEASING rows are in flight: "released" could lose them
					.retryRefusedWith("ILLEGAL_RESERVATION_STATE"));
	}

	private void products() {
		this.jdbc.update("INSERT INTO product (sku_id, name, price_cents, available, initial_stock) VALUES "
				+ "('SKU-A', 'Alpha', 100, 10, 10), ('SKU-B', 'Bravo', 200, 10, 10)");
	}

	/** The order's stock reserved and confirmed (HELD). */
	private void heldOrder() {
		this.jdbc.update("INSERT INTO product (sku_id, name, price_cents, available, frozen, initial_stock) VALUES "
				+ "('SKU-A', 'Alpha', 100, 7, 3, 10), ('SKU-B', 'Bravo', 200, 8, 2, 10)");
		this.jdbc.update("INSERT INTO stock_reservation (order_no, sku_id, quantity, status) VALUES "
				+ "(?, 'SKU-A', 3, 'HELD'), (?, 'SKU-B', 2, 'HELD')", ORDER, ORDER);
	}

	/**
	 * [available, frozen, sold] of SKU-A and SKU-B, and the order's reservations by sku.
	 */
	private Object state() {
		Map<String, String> reservations = new TreeMap<>();
		this.jdbc.queryForList("SELECT sku_id, status FROM stock_reservation WHERE order_no = ?", ORDER)
			.forEach(row -> reservations.put((String) row.get("sku_id"), (String) row.get("status")));
		return state(stock("SKU-A"), stock("SKU-B"), reservations);
	}

	private static Object state(List<Integer> skuA, List<Integer> skuB, Map<String, String> reservations) {
		return Map.of("SKU-A", skuA, "SKU-B", skuB, "reservations", reservations);
	}

	private List<Integer> stock(String skuId) {
		return this.jdbc.queryForObject("SELECT available, frozen, sold FROM product WHERE sku_id = ?",
				(rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)), skuId);
	}

}
