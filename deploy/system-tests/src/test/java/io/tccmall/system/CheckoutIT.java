package io.tccmall.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Place, pay and cancel through the gateway, each a global TCC transaction across the
 * services with the real Seata TC. Every test checks the business rows, and the
 * invariants after it.
 */
class CheckoutIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@AfterEach
	void invariantsHold() {
		Invariants.assertHold();
	}

	@Test
	void shouldReserveOnPlaceThenSellDebitAndUseTheCouponOnPay() {
		String mug = Shop.product("mug", 1000, 10);
		String tea = Shop.product("tea", 2500, 5);
		String user = Shop.fundedUser("payer", 100_000);
		String coupon = Shop.claim(user, Shop.couponTemplate(500, 3000, 10, 1));

		Api.Response placed = Shop.placeOrder(user, List.of(line(mug, 2), line(tea, 1)), coupon);

		assertThat(placed.status()).as("%s", placed).isEqualTo(201);
		assertThat(placed.text("status")).isEqualTo("AWAITING_PAYMENT");
		assertThat(placed.body().path("totalCents").asLong()).isEqualTo(4500);
		assertThat(placed.body().path("discountCents").asLong()).isEqualTo(500);
		assertThat(placed.body().path("payableCents").asLong()).isEqualTo(4000);
		assertThat(placed.body().path("expiresAt").asText()).isNotBlank();
		assertThat(placed.body().path("items")).hasSize(2);
		assertThat(Shop.stock(mug)).containsExactly(8L, 2L, 0L);
		assertThat(Shop.stock(tea)).containsExactly(4L, 1L, 0L);
		assertThat(Shop.couponStatus(user, coupon)).isEqualTo("LOCKED");
		String orderNo = placed.text("orderNo");
		assertBranchesCommitted(orderNo);

		Api.Response paid = Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "pay-" + orderNo);

		assertThat(paid.status()).as("%s", paid).isEqualTo(200);
		assertThat(paid.text("status")).isEqualTo("PAID");
		assertThat(paid.text("paymentNo")).isNotBlank();
		Shop.awaitStock(mug, 8, 0, 2);
		Shop.awaitStock(tea, 4, 0, 1);
		assertThat(Shop.wallet(user)).containsExactly(96_000L, 0L);
		assertThat(Shop.couponStatus(user, coupon)).isEqualTo("USED");

		Api.Response replay = Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "pay-" + orderNo);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.raw().body()).isEqualTo(paid.raw().body());
		assertThat(replay.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
		Api.Response second = Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("ILLEGAL_ORDER_STATE");
		assertThat(Shop.wallet(user)).containsExactly(96_000L, 0L);
	}

	@Test
	void shouldReleaseStockAndCouponWhenTheShopperCancels() {
		String lamp = Shop.product("lamp", 4000, 3);
		String user = Shop.fundedUser("canceller", 50_000);
		String coupon = Shop.claim(user, Shop.couponTemplate(1000, 4000, 10, 1));
		String orderNo = Shop.placeOrder(user, List.of(line(lamp, 2)), coupon).text("orderNo");
		assertThat(Shop.stock(lamp)).containsExactly(1L, 2L, 0L);

		Api.Response cancelled = Api.as(user)
			.post("/api/orders/" + orderNo + "/cancellation", Map.of(), "cancel-" + orderNo);
		Api.Response replayed = Api.as(user)
			.post("/api/orders/" + orderNo + "/cancellation", Map.of(), "cancel-" + orderNo);
		assertThat(replayed.raw().body()).isEqualTo(cancelled.raw().body());
		assertThat(replayed.raw().headers().firstValue("Idempotent-Replayed")).contains("true");

		assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
		assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
		assertThat(Shop.stock(lamp)).containsExactly(3L, 0L, 0L);
		assertThat(Shop.couponStatus(user, coupon)).isEqualTo("AVAILABLE");
		assertThat(Shop.wallet(user)).containsExactly(50_000L, 0L);
		Api.Response pay = Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new");
		assertThat(pay.status()).isEqualTo(409);
		assertThat(pay.code()).isEqualTo("ILLEGAL_ORDER_STATE");
	}

	@Test
	void shouldReserveNothingWhenTheSecondOfThreeSkusIsShort() {
		String a = Shop.product("a", 100, 5);
		String b = Shop.product("b", 100, 1);
		String c = Shop.product("c", 100, 5);
		String user = Shop.fundedUser("short", 10_000);

		Api.Response placed = Shop.placeOrder(user, List.of(line(a, 1), line(b, 2), line(c, 1)), null);

		assertThat(placed.status()).as("%s", placed).isEqualTo(409);
		assertThat(placed.code()).isEqualTo("OUT_OF_STOCK");
		assertThat(Shop.stock(a)).containsExactly(5L, 0L, 0L);
		assertThat(Shop.stock(b)).containsExactly(1L, 0L, 0L);
		assertThat(Shop.stock(c)).containsExactly(5L, 0L, 0L);
		assertThat(Api.as(user).get("/api/orders").body().path("total").asLong()).isZero();
	}

	@Test
	void shouldCancelTheStockReservationWhenTheCouponDoesNotApply() {
		String pen = Shop.product("pen", 1000, 10);
		String user = Shop.fundedUser("underspend", 10_000);
		String coupon = Shop.claim(user, Shop.couponTemplate(500, 5000, 10, 1));

		Api.Response placed = Shop.placeOrder(user, List.of(line(pen, 2)), coupon);

		assertThat(placed.status()).as("%s", placed).isEqualTo(422);
		assertThat(placed.code()).isEqualTo("COUPON_NOT_APPLICABLE");
		assertThat(Shop.stock(pen)).containsExactly(10L, 0L, 0L);
		assertThat(Shop.couponStatus(user, coupon)).isEqualTo("AVAILABLE");
		// the stock Try had run: its Cancel (and only a Cancel) marks the reservation
		// CANCELLED
		assertThat(Db.rows("tccmall_inventory", "SELECT status FROM stock_reservation WHERE sku_id = ?", pen))
			.extracting(r -> r.get("status"))
			.containsExactly("CANCELLED");
		assertThat(Db.number("tccmall_inventory",
				"SELECT COUNT(*) FROM tcc_fence_log f WHERE action_name = 'stock-reserve' AND status = 3"
						+ " AND gmt_modified >= NOW(3) - INTERVAL 1 MINUTE"))
			.isPositive();
	}

	@Test
	void shouldKeepTheOrderPayableAndTheWalletUntouchedWhenTheBalanceIsShort() {
		String desk = Shop.product("desk", 30_000, 2);
		String user = Shop.fundedUser("poor", 10_000);
		String orderNo = Shop.placeOrder(user, List.of(line(desk, 1)), null).text("orderNo");

		Api.Response pay = Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new");

		assertThat(pay.status()).as("%s", pay).isEqualTo(409);
		assertThat(pay.code()).isEqualTo("INSUFFICIENT_BALANCE");
		assertThat(Api.as(user).get("/api/orders/" + orderNo).text("status")).isEqualTo("AWAITING_PAYMENT");
		assertThat(Shop.wallet(user)).containsExactly(10_000L, 0L);
		assertThat(Shop.stock(desk)).containsExactly(1L, 1L, 0L);

		Shop.topUp(user, 20_000);
		Api.Response retried = Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new");
		assertThat(retried.status()).as("%s", retried).isEqualTo(200);
		assertThat(Shop.wallet(user)).containsExactly(0L, 0L);
		Shop.awaitStock(desk, 1, 0, 1);
	}

	@Test
	void shouldReplayAnOrderForTheSameIdempotencyKeyAndRefuseADifferentBody() {
		String cup = Shop.product("cup", 300, 10);
		String user = Shop.fundedUser("retrier", 10_000);
		Map<String, Object> body = Map.of("items", List.of(line(cup, 1)));

		Api.Response first = Api.as(user).post("/api/orders", body, "key-" + Shop.RUN);
		Api.Response replay = Api.as(user).post("/api/orders", body, "key-" + Shop.RUN);
		Api.Response reused = Api.as(user)
			.post("/api/orders", Map.of("items", List.of(line(cup, 2))), "key-" + Shop.RUN);

		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.text("orderNo")).isEqualTo(first.text("orderNo"));
		assertThat(replay.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(Shop.stock(cup)).containsExactly(9L, 1L, 0L);
	}

	@Test
	void shouldReplayTheFirstRefusalForTheSameKeyEvenAfterStockArrives() {
		String urn = Shop.product("urn", 700, 1);
		String user = Shop.fundedUser("early", 10_000);
		Map<String, Object> body = Map.of("items", List.of(line(urn, 2)));

		Api.Response refused = Api.as(user).post("/api/orders", body, "early-" + Shop.RUN);
		assertThat(Api.admin().post("/api/admin/products/" + urn + "/restocks", Map.of("quantity", 5), "new").status())
			.isEqualTo(201);
		Api.Response replay = Api.as(user).post("/api/orders", body, "early-" + Shop.RUN);

		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("OUT_OF_STOCK");
		assertThat(replay.status()).isEqualTo(409);
		assertThat(replay.raw().body()).isEqualTo(refused.raw().body());
		assertThat(replay.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(Shop.stock(urn)).containsExactly(6L, 0L, 0L);
		assertThat(Db.number("tccmall_order", "SELECT COUNT(*) FROM orders WHERE user_id = ?", user)).isZero();
	}

	private static void assertBranchesCommitted(String orderNo) {
		String xid = (String) Db.rows("tccmall_order", "SELECT place_xid FROM orders WHERE order_no = ?", orderNo)
			.get(0)
			.get("place_xid");
		assertThat(xid).isNotBlank();
		for (String database : List.of("tccmall_inventory", "tccmall_coupon")) {
			assertThat(Db.rows(database, "SELECT action_name, status FROM tcc_fence_log WHERE xid = ?", xid))
				.as("fence rows of %s in %s", xid, database)
				.isNotEmpty()
				.allSatisfy(row -> assertThat(((Number) row.get("status")).intValue()).isEqualTo(2));
		}
		assertThat(Db.rows("tccmall_order", "SELECT action_name FROM tcc_fence_log WHERE xid = ?", xid))
			.as("the order is a local step of the TM, not a branch (ADR 0012)")
			.isEmpty();
	}

}
