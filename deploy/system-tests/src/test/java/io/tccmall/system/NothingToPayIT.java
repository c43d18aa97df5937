package io.tccmall.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders with nothing to pay (issue 20, finding 5): a price of 0, or a coupon that covers
 * the whole total. Paying such an order completes it like any other: the coupon is used,
 * the stock is sold, the payment of 0 is its receipt, and no wallet gives or holds a
 * cent, even a shopper's who never topped up.
 */
class NothingToPayIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@AfterEach
	void invariantsHold() {
		Invariants.assertHold();
	}

	@Test
	void shouldCompleteAFreeOrderOfAShopperWithoutAWallet() {
		String sample = Shop.product("free-sample", 0, 5);
		String user = Shop.fundedUser("no-wallet", 0);
		Api.Response placed = Shop.placeOrder(user, List.of(line(sample, 2)), null);
		assertThat(placed.status()).as("%s", placed).isEqualTo(201);
		assertThat(placed.body().path("payableCents").asLong()).isZero();
		String orderNo = placed.text("orderNo");

		Api.Response paid = Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new");

		assertThat(paid.status()).as("%s", paid).isEqualTo(200);
		assertThat(paid.text("status")).isEqualTo("PAID");
		assertThat(paid.text("paymentNo")).isNotBlank();
		Shop.awaitStock(sample, 3, 0, 2);
		assertThat(Shop.wallet(user)).containsExactly(0L, 0L);
		assertThat(Db.number("tccmall_payment",
				"SELECT COUNT(*) FROM payment WHERE order_no = ? AND status = 'SUCCEEDED' AND amount_cents = 0",
				orderNo))
			.isOne();
	}

	@Test
	void shouldCompleteAnOrderACouponPaysInFullAndUseTheCoupon() {
		String book = Shop.product("gift-book", 800, 4);
		String user = Shop.fundedUser("full-coupon", 1_500);
		String coupon = Shop.claim(user, Shop.couponTemplate(1_000, 0, 10, 1));
		Api.Response placed = Shop.placeOrder(user, List.of(line(book, 1)), coupon);
		assertThat(placed.status()).as("%s", placed).isEqualTo(201);
		assertThat(placed.body().path("discountCents").asLong()).isEqualTo(800);
		assertThat(placed.body().path("payableCents").asLong()).isZero();
		String orderNo = placed.text("orderNo");

		Api.Response paid = Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new");

		assertThat(paid.status()).as("%s", paid).isEqualTo(200);
		assertThat(paid.text("status")).isEqualTo("PAID");
		assertThat(Shop.couponStatus(user, coupon)).isEqualTo("USED");
		Shop.awaitStock(book, 3, 0, 1);
		assertThat(Shop.wallet(user)).containsExactly(1_500L, 0L);
	}

}
