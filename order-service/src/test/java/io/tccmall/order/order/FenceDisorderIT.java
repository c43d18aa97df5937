package io.tccmall.order.order;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.tccmall.common.testsupport.FenceDisorderContract;
import io.tccmall.common.testsupport.FencedAction;
import io.tccmall.order.SeataTcTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * order-cancel (order-service's own branch; place and pay are local steps, ADR 0012)
 * through Seata's real fence on {@code tccmall_order_test}: empty rollback then late Try,
 * Confirm and Cancel delivered twice (also racing), and a Try retried as a new branch of
 * the same global transaction (see {@link FenceDisorderContract}). The order belongs to
 * alice and has two lines.
 */
@SeataTcTest
class FenceDisorderIT extends FenceDisorderContract {

	private static final String ORDER = "O-FENCE";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrderCancelAction cancel;

	@Override
	protected void emptyTables() {
		this.jdbc.update("DELETE FROM order_item");
		this.jdbc.update("DELETE FROM orders");
		this.jdbc.update("DELETE FROM tcc_fence_log");
	}

	@Override
	protected List<FencedAction> actions() {
		List<Object> awaitingPayment = values("AWAITING_PAYMENT", null, null);
		return List.of(FencedAction.of("order-cancel", OrderCancelAction.class, this.cancel)
			.context("orderNo", ORDER)
			.given(this::awaitingPayment)
			.tries(ctx -> this.cancel.prepare(ctx, ORDER, "alice", "USER"))
			.state(() -> row("status", "cancel_reason", "paid_at"))
			.expect(awaitingPayment, values("CANCELLING", "USER", null), values("CANCELLED", "USER", null),
					awaitingPayment)
			.retryRefusedWith("ILLEGAL_ORDER_STATE"));
	}

	/** The order placed and confirmed: awaiting payment. */
	private void awaitingPayment() {
		this.jdbc.update("""
				INSERT INTO orders (order_no, user_id, status, total_cents, discount_cents, payable_cents,
				                    idempotency_key, request_hash, place_xid, expire_at)
				VALUES (?, 'alice', 'AWAITING_PAYMENT', 2500, 0, 2500, 'place-key-1', REPEAT('0', 64), 'xid-of-place',
				        UTC_TIMESTAMP(3) + INTERVAL 15 MINUTE)""", ORDER);
		this.jdbc.update("INSERT INTO order_item (order_no, sku_id, name, quantity, unit_price_cents) VALUES "
				+ "(?, 'SKU-A', 'Alpha', 3, 500), (?, 'SKU-B', 'Bravo', 1, 1000)", ORDER, ORDER);
	}

	/** The given columns of the order (nulls when there is no order). */
	private List<Object> row(String... columns) {
		List<List<Object>> rows = this.jdbc
			.query("SELECT " + String.join(", ", columns) + " FROM orders o WHERE order_no = ?", (rs, n) -> {
				Object[] values = new Object[columns.length];
				for (int i = 0; i < columns.length; i++) {
					Object value = rs.getObject(i + 1);
					values[i] = (value instanceof Number number) ? (Object) number.longValue() : value;
				}
				return Arrays.asList(values);
			}, ORDER);
		return rows.isEmpty() ? Arrays.asList(new Object[columns.length]) : rows.get(0);
	}

	private static List<Object> values(Object... values) {
		return Arrays.asList(values);
	}

}
