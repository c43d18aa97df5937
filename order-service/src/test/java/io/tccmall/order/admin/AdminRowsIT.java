package io.tccmall.order.admin;

import io.tccmall.order.SeataTcTest;
import io.tccmall.order.order.OrderMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real database (V7): the cancel XID guards which cancel transaction may
 * reset a CANCELLING order, an admin release (no XID) may always, and the audit keeps
 * every action of an order in order.
 */
@SeataTcTest
class AdminRowsIT {

	private static final String ORDER = "ADMIN-ROWS-1";

	@Autowired
	OrderMapper orders;

	@Autowired
	AdminAudit audit;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void cancellingOrder() {
		this.jdbc.update("DELETE FROM orders WHERE order_no = ?", ORDER);
		this.jdbc.update("DELETE FROM admin_audit WHERE order_no = ?", ORDER);
		this.jdbc.update("""
				INSERT INTO orders (order_no, user_id, status, total_cents, discount_cents, payable_cents,
				                    idempotency_key, request_hash, place_xid, cancel_xid, cancel_reason, expire_at)
				VALUES (?, 'alice', 'CANCELLING', 2500, 0, 2500, 'admin-rows-key', REPEAT('0', 64), 'xid-place',
				        'xid-cancel-2', 'USER', UTC_TIMESTAMP(3) + INTERVAL 15 MINUTE)""", ORDER);
	}

	@Test
	void shouldLetOnlyTheOrdersOwnCancelTransactionOrAnAdminResetIt() {
		assertThat(this.orders.abortCancel(ORDER, "xid-cancel-1")).isZero();
		assertThat(status()).isEqualTo("CANCELLING");

		assertThat(this.orders.abortCancel(ORDER, "xid-cancel-2")).isOne();
		assertThat(status()).isEqualTo("AWAITING_PAYMENT");

		this.jdbc.update("UPDATE orders SET status = 'CANCELLING' WHERE order_no = ?", ORDER);
		assertThat(this.orders.abortCancel(ORDER, null)).isOne();
		assertThat(status()).isEqualTo("AWAITING_PAYMENT");
	}

	@Test
	void shouldRecordAndListTheAuditOfAnOrder() {
		this.audit.record(new AdminAudit.Entry("root", null, ORDER, "RELEASE", "first", "PAID", "PAID", "REFUSED",
				"Order is PAID"));
		this.audit.record(new AdminAudit.Entry("root", null, ORDER, "RELEASE", "second", "CANCELLING", "CANCELLED",
				"RELEASED", null));

		var entries = this.audit.forOrder(ORDER);

		assertThat(entries).extracting(AdminAudit.Entry::reason).containsExactly("first", "second");
		assertThat(entries).extracting(AdminAudit.Entry::outcome).containsExactly("REFUSED", "RELEASED");
		assertThat(entries.get(1).statusAfter()).isEqualTo("CANCELLED");
		assertThat(entries).allSatisfy(e -> assertThat(e.at()).isNotNull());
	}

	private String status() {
		return this.jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, ORDER);
	}

}
