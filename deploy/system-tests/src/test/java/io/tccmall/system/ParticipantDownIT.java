package io.tccmall.system;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant that is down makes the checkout answer 503 with everything rolled back.
 */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1)
class ParticipantDownIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@AfterEach
	void invariantsHold() {
		Invariants.assertHold();
	}

	@Test
	void shouldRollBackTheStockReservationWhenEveryCouponServiceInstanceIsDown() {
		String vase = Shop.product("vase", 6000, 4);
		String user = Shop.fundedUser("unlucky", 20_000);
		String coupon = Shop.claim(user, Shop.couponTemplate(500, 1000, 10, 1));

		Stack.stop("coupon-service");
		Api.Response placed;
		try {
			placed = Shop.placeOrder(user, List.of(line(vase, 2)), coupon);
		}
		finally {
			Stack.start("coupon-service");
		}

		assertThat(placed.status()).as("%s", placed).isEqualTo(503);
		assertThat(placed.code()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(Shop.stock(vase)).containsExactly(4L, 0L, 0L);
		assertThat(Shop.couponStatus(user, coupon)).isEqualTo("AVAILABLE");
		assertThat(Api.as(user).get("/api/orders").body().path("total").asLong()).isZero();
	}

}
