package io.tccmall.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unpaid orders are cancelled soon after their deadline by one of the two order-service
 * instances, once, and even when every instance was down when the deadline passed.
 */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class OrderTimeoutIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldCancelAnUnpaidOrderWithinSecondsOfItsDeadlineAndRefuseALatePayment() {
		String sku = Shop.product("ticket", 1500, 5);
		String user = Shop.fundedUser("forgetful", 20_000);
		String coupon = Shop.claim(user, Shop.couponTemplate(500, 1000, 10, 1));
		long placedAt = System.currentTimeMillis();
		Api.Response placed = place(user, sku, coupon, 2);
		assertThat(placed.status()).as("%s", placed).isEqualTo(201);
		String orderNo = placed.text("orderNo");
		assertThat(Shop.stock(sku)).containsExactly(4L, 1L, 0L);

		awaitCancelled(user, orderNo, Duration.ofSeconds(2 + 6));

		assertThat(System.currentTimeMillis() - placedAt).as("cancelled within the deadline plus a few seconds")
			.isLessThan(8_000);
		assertThat(Shop.stock(sku)).containsExactly(5L, 0L, 0L);
		assertThat(Shop.couponStatus(user, coupon)).isEqualTo("AVAILABLE");
		assertThat(Db.rows("tccmall_order", "SELECT cancel_reason FROM orders WHERE order_no = ?", orderNo))
			.singleElement()
			.satisfies(row -> assertThat(row).containsEntry("cancel_reason", "TIMEOUT"));
		assertThat(Db.number("tccmall_order",
				"SELECT COUNT(*) FROM outbox_event WHERE event_key = ? AND event_type = 'OrderCancelled'", orderNo))
			.as("cancelled once by the two instances")
			.isEqualTo(1);

		Api.Response late = Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isEqualTo("ILLEGAL_ORDER_STATE");
		assertThat(Shop.wallet(user)).containsExactly(20_000L, 0L);
		Invariants.assertHold();
	}

	@Test
	void shouldCancelAnOrderWhoseDeadlinePassedWhileEveryOrderServiceInstanceWasDown() {
		String sku = Shop.product("pass", 900, 4);
		String user = Shop.fundedUser("absent", 20_000);
		Api.Response placed = place(user, sku, null, 3);
		assertThat(placed.status()).as("%s", placed).isEqualTo(201);
		String orderNo = placed.text("orderNo");

		Stack.kill("order-service");
		try {
			await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
		}
		finally {
			Stack.start("order-service");
		}

		awaitCancelled(user, orderNo, Duration.ofSeconds(10));
		assertThat(Shop.stock(sku)).containsExactly(4L, 0L, 0L);
		Invariants.assertHold();
	}

	@Test
	void shouldRefuseADeadlineLongerThanTheShopsOwn() {
		String sku = Shop.product("slow", 100, 1);
		String user = Shop.fundedUser("greedy", 1_000);

		Api.Response refused = place(user, sku, null, 24 * 3600);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("PAYMENT_DEADLINE_TOO_LONG");
		assertThat(Shop.stock(sku)).containsExactly(1L, 0L, 0L);
	}

	private static Api.Response place(String user, String sku, String coupon, int deadlineSeconds) {
		Map<String, Object> body = new HashMap<>(
				Map.of("items", List.of(line(sku, 1)), "paymentDeadlineSeconds", deadlineSeconds));
		if (coupon != null) {
			body.put("couponId", coupon);
		}
		return Api.as(user).post("/api/orders", body, "new");
	}

	private static void awaitCancelled(String user, String orderNo, Duration within) {
		await().atMost(within)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(
					() -> assertThat(Api.as(user).get("/api/orders/" + orderNo).text("status")).isEqualTo("CANCELLED"));
	}

}
