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
