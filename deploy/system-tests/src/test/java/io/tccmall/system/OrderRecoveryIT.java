package io.tccmall.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order its TM left TRYING or PAYING (it died between writing the order and settling
 * it) is settled by order-service's recovery scan from the outcome of the transaction it
 * names (ADR 0012). The TC has forgotten these transactions, so the participant's rows
 * decide: no reservation or payment of the transaction means it was rolled back.
 */
class OrderRecoveryIT {

	/** Older than the recovery scan's threshold (45 s: past the 30 s global timeout). */
	private static final String LONG_AGO = "NOW(3) - INTERVAL 2 MINUTE";

	private static final String FORGOTTEN_XID = "127.0.0.1:8091:4242424242";

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldCancelAnOrderLeftTryingWhenItsPlaceTransactionReservedNothing() {
		String user = Shop.fundedUser("abandoned", 5_000);
		String orderNo = "O-RECOVERY-" + Shop.RUN;
		Db.update("tccmall_order", """
				INSERT INTO orders (order_no, user_id, status, total_cents, discount_cents, payable_cents,
				                    idempotency_key, request_hash, place_xid, expire_at, created_at, updated_at)
				VALUES (?, ?, 'TRYING', 700, 0, 700, ?, REPEAT('0', 64), ?, UTC_TIMESTAMP(3) + INTERVAL 15 MINUTE,
				        %s, %s)""".formatted(LONG_AGO, LONG_AGO), orderNo, user, "key-" + orderNo, FORGOTTEN_XID);
		Db.update("tccmall_order", "INSERT INTO order_item (order_no, sku_id, name, quantity, unit_price_cents)"
				+ " VALUES (?, 'SKU-NONE', 'Nothing', 1, 700)", orderNo);

		awaitStatus(user, orderNo, "CANCELLED");

		assertThat(Db.number("tccmall_order", "SELECT COUNT(*) FROM outbox_event WHERE event_key = ?", orderNo))
			.as("a place that never committed announces nothing")
			.isZero();
		assertThat(Shop.wallet(user)).containsExactly(5_000L, 0L);
		Invariants.assertHold();
	}

	@Test
	void shouldMakeAnOrderLeftPayingPayableAgainWhenNoPaymentOfItsTransactionExists() {
		String sku = Shop.product("recovered", 1_200, 3);
		String user = Shop.fundedUser("interrupted", 5_000);
		Api.Response placed = Shop.placeOrder(user, List.of(line(sku, 2)), null);
		assertThat(placed.status()).as("%s", placed).isEqualTo(201);
		String orderNo = placed.text("orderNo");
		// the TM moved the order to PAYING for a transaction, then died before the wallet
		// debit
		assertThat(Db.update(
				"tccmall_order", "UPDATE orders SET status = 'PAYING', pay_xid = ?,"
						+ " pay_idempotency_key = 'lost', updated_at = " + LONG_AGO + " WHERE order_no = ?",
				FORGOTTEN_XID, orderNo))
			.isEqualTo(1);

		awaitStatus(user, orderNo, "AWAITING_PAYMENT");
		assertThat(Shop.wallet(user)).containsExactly(5_000L, 0L);

		Api.Response paid = Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new");
		assertThat(paid.status()).as("%s", paid).isEqualTo(200);
		assertThat(paid.text("status")).isEqualTo("PAID");
		assertThat(Shop.wallet(user)).containsExactly(2_600L, 0L);
		Shop.awaitStock(sku, 1, 0, 2);
		Invariants.assertHold();
	}

	private static void awaitStatus(String user, String orderNo, String status) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(
					() -> assertThat(Api.as(user).get("/api/orders/" + orderNo).text("status")).isEqualTo(status));
	}

}
