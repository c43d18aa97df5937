package io.tccmall.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis down (issue 20, finding 7): the locks only cut contention, so place, pay and
 * cancel go on with the database as the guard; signing in is refused while its rate
 * limiter is gone (it fails closed). Stops the machine's Redis for the length of one
 * test, as FlashSaleIT and ChaosIT restart it.
 */
class RedisDownIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@AfterEach
	void invariantsHold() {
		Invariants.assertHold();
	}

	@Test
	void shouldPlacePayAndCancelWhileRedisIsDownAndRefuseSigningIn() {
		String sku = Shop.product("no-redis", 300, 10);
		String user = Shop.fundedUser("redisless", 5_000);
		Api.Response paid;
		Api.Response cancelled;
		Api.Response signIn;
		RedisKeys.stop();
		try {
			String toPay = Shop.placeOrder(user, List.of(line(sku, 2)), null).text("orderNo");
			String toCancel = Shop.placeOrder(user, List.of(line(sku, 1)), null).text("orderNo");
			paid = Api.as(user).post("/api/orders/" + toPay + "/payment", Map.of(), "new");
			cancelled = Api.as(user).post("/api/orders/" + toCancel + "/cancellation", Map.of(), "new");
			signIn = Api.anonymous().post("/api/auth/token", Map.of("username", "alice", "password", "tccmall-demo"));
		}
		finally {
			RedisKeys.start();
		}

		assertThat(paid.status()).as("%s", paid).isEqualTo(200);
		assertThat(paid.text("status")).isEqualTo("PAID");
		assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
		assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
		assertThat(signIn.status()).as("%s", signIn).isEqualTo(503);
		assertThat(signIn.code()).isEqualTo("SERVICE_UNAVAILABLE");
		Shop.awaitStock(sku, 8, 0, 2);
		assertThat(Shop.wallet(user)).containsExactly(4_400L, 0L);
	}

}
