package io.tccmall.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway lets through, and the problem responses bad requests get (each
 * changing nothing).
 */
class GatewayIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldIssueATokenForADemoUserAndRefuseAWrongPassword() {
		Api.Response token = Api.anonymous()
			.post("/api/auth/token", Map.of("username", "alice", "password", "tccmall-demo"));
		Api.Response wrong = Api.anonymous().post("/api/auth/token", Map.of("username", "alice", "password", "nope"));

		assertThat(token.status()).as("%s", token).isEqualTo(200);
		assertThat(token.text("tokenType")).isEqualTo("Bearer");
		assertThat(token.body().path("expiresIn").asLong()).isPositive();
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void shouldRefuseCallsWithoutAValidToken() {
		assertThat(Api.anonymous().get("/api/products").status()).isEqualTo(401);
		assertThat(Api.anonymous().get("/api/wallet").status()).isEqualTo(401);
	}

	@Test
	void shouldNotRouteToInternalOrActuatorEndpointsOfTheServices() {
		for (String path : List.of("/internal/stock/reservations", "/api/internal/stock/reservations",
				"/api/orders/../internal/payments", "/actuator/env", "/actuator/prometheus")) {
			Api.Response response = Api.admin().post(path, Map.of("orderNo", "X", "items", List.of()));
			assertThat(response.status()).as("POST %s -> %s", path, response).isIn(401, 403, 404, 405, 400);
		}
	}

	@Test
	void shouldKeepAdminRoutesForAdmins() {
		String user = Shop.fundedUser("nosy", 0);
		Api.Response response = Api.as(user)
			.post("/api/admin/products",
					Map.of("skuId", "IT-" + Shop.RUN + "-x", "name", "x", "priceCents", 1, "stock", 1));
		assertThat(response.status()).isEqualTo(403);
		assertThat(Api.admin().get("/api/products/IT-" + Shop.RUN + "-x").status()).isEqualTo(404);
	}

	@Test
	void shouldAnswerBadOrdersWithProblemsAndChangeNothing() {
		String sku = Shop.product("guarded", 100, 5);
		String user = Shop.fundedUser("clumsy", 1_000);

		Api.Response zero = Shop.placeOrder(user, List.of(line(sku, 0)), null);
		Api.Response absurd = Shop.placeOrder(user, List.of(line(sku, 1_000_000)), null);
		Api.Response malformed = Api.as(user).post("/api/orders", "{\"items\": [", "new");
		Api.Response noKey = Api.as(user).post("/api/orders", Map.of("items", List.of(line(sku, 1))));
		Api.Response unknown = Shop.placeOrder(user, List.of(line("IT-" + Shop.RUN + "-nope", 1)), null);
		Api.Response foreignOrder = Api.as(user).get("/api/orders/0000000000000");

		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(absurd.status()).isEqualTo(400);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("MALFORMED_REQUEST");
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("SKU_NOT_FOUND");
		assertThat(foreignOrder.status()).isEqualTo(404);
		assertThat(Shop.stock(sku)).containsExactly(5L, 0L, 0L);
	}

	/** Issue 20, finding 7: no coercion, and a client's error is never a 500. */
	@Test
	void shouldRefuseNumbersThatAreNotPlainIntegersAndOverlongKeysWithoutChangingAnything() {
		String sku = Shop.product("strict", 100, 5);
		String user = Shop.fundedUser("sloppy", 1_000);

		Api.Response fraction = Api.as(user)
			.post("/api/orders", "{\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":1.5}]}", "new");
		Api.Response string = Api.as(user)
			.post("/api/orders", "{\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":\"2\"}]}", "new");
		Api.Response numericSku = Api.as(user).post("/api/orders", "{\"items\":[{\"skuId\":7,\"quantity\":1}]}", "new");
		Api.Response longKey = Api.as(user)
			.post("/api/orders", Map.of("items", List.of(line(sku, 1))), "k".repeat(3000));
		Api.Response badKey = Api.as(user).post("/api/orders", Map.of("items", List.of(line(sku, 1))), "no;spaces");

		for (Api.Response response : List.of(fraction, string, numericSku)) {
			assertThat(response.status()).as("%s", response).isEqualTo(400);
			assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
		}
		assertThat(fraction.text("detail")).contains("items[0].quantity");
		assertThat(string.text("detail")).contains("items[0].quantity");
		for (Api.Response response : List.of(longKey, badKey)) {
			assertThat(response.status()).as("%s", response).isEqualTo(400);
			assertThat(response.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
			assertThat(response.text("detail")).contains("idempotencyKey");
		}
		assertThat(Shop.stock(sku)).containsExactly(5L, 0L, 0L);
		assertThat(Api.as(user).get("/api/orders").body().path("total").asLong()).isZero();
	}

	@Test
	void shouldHideOneShoppersOrdersFromAnother() {
		String sku = Shop.product("private", 100, 5);
		String owner = Shop.fundedUser("owner", 1_000);
		String other = Shop.fundedUser("other", 1_000);
		String orderNo = Shop.placeOrder(owner, List.of(line(sku, 1)), null).text("orderNo");

		assertThat(Api.as(other).get("/api/orders/" + orderNo).status()).isEqualTo(404);
		assertThat(Api.as(other).post("/api/orders/" + orderNo + "/payment", Map.of(), "new").status()).isEqualTo(404);
		assertThat(Api.as(other).post("/api/orders/" + orderNo + "/cancellation", Map.of(), "new").status())
			.isEqualTo(404);
		assertThat(Api.as(owner).get("/api/orders/" + orderNo).text("status")).isEqualTo("AWAITING_PAYMENT");
	}

}
