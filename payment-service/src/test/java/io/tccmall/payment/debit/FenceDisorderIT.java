package io.tccmall.payment.debit;

import java.util.List;
import java.util.Map;

import io.tccmall.common.testsupport.FenceDisorderContract;
import io.tccmall.common.testsupport.FencedAction;
import io.tccmall.payment.SeataTcTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * wallet-debit through Seata's real fence on {@code tccmall_payment_tc_test}: empty
 * rollback then late Try, Confirm and Cancel delivered twice (also racing), and a Try
 * retried as a new branch of the same global transaction (see
 * {@link FenceDisorderContract}). alice has 100.00 and the order debits 30.00.
 */
@SeataTcTest
class FenceDisorderIT extends FenceDisorderContract {

	private static final String ORDER = "O-FENCE";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WalletDebitAction debit;

	@Override
	protected void emptyTables() {
		for (String table : List.of("payment", "wallet", "top_up", "tcc_fence_log")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	@Override
	protected List<FencedAction> actions() {
		return List.of(FencedAction.of("wallet-debit", WalletDebitAction.class, this.debit)
			.context("orderNo", ORDER)
			.given(() -> this.jdbc
				.update("""
						INSERT INTO wallet (user_id, balance_cents, frozen_cents, paid_cents, refunded_cents, topped_up_cents,
						                    created_at, updated_at)
						VALUES ('alice', 10000, 0, 0, 0, 10000, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))"""))
			.tries(ctx -> this.debit.prepare(ctx, ORDER, "alice", 3_000))
			.state(this::state)
			.expect(state(10_000, 0, 0), state(7_000, 3_000, 0, "TRYING"), state(7_000, 0, 3_000, "SUCCEEDED"),
					state(10_000, 0, 0, "CANCELLED")));
	}

	/** alice's [balance, frozen, paid] and the statuses of the order's payments. */
	private Object state() {
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT balance_cents, frozen_cents, paid_cents FROM wallet WHERE user_id = 'alice'");
		List<Long> money = List.of(((Number) row.get("balance_cents")).longValue(),
				((Number) row.get("frozen_cents")).longValue(), ((Number) row.get("paid_cents")).longValue());
		List<String> payments = this.jdbc
			.queryForList("SELECT status FROM payment WHERE order_no = ? ORDER BY created_at", String.class, ORDER);
		return Map.of("wallet", money, "payments", payments);
	}

	private static Object state(long balance, long frozen, long paid, String... payments) {
		return Map.of("wallet", List.of(balance, frozen, paid), "payments", List.of(payments));
	}

}
