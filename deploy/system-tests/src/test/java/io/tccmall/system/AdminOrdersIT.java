package io.tccmall.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin order lookup and release through the gateway: the lookup shows an order in
 * every participant with the fence rows of its XIDs; only admins may use either; a paid
 * order is never released; an order stuck in CANCELLING with its holds in place is
 * released to CANCELLED with everything given back, audited. Runs before the
 * reconciliation test, which audits what it leaves.
 */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
class AdminOrdersIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldShowAPaidOrderInEveryParticipantWithItsFenceRows() {
		String sku = Shop.product("inspected", 1000, 10);
		String user = Shop.fundedUser("inspected", 100_000);
		String coupon = Shop.claim(user, Shop.couponTemplate(100, 1000, 10, 1));
		String orderNo = Shop.placeOrder(user, List.of(line(sku, 2)), coupon).text("orderNo");
		assertThat(Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new").text("status"))
			.isEqualTo("PAID");
		Shop.awaitStock(sku, 8, 0, 2);

		Api.Response lookup = Api.admin().get("/api/admin/orders/" + orderNo);

		assertThat(lookup.status()).as("%s", lookup).isEqualTo(200);
		JsonNode body = lookup.body();
		assertThat(body.path("order").path("status").asText()).isEqualTo("PAID");
		assertThat(body.path("order").path("payableCents").asLong()).isEqualTo(1900);
		assertThat(body.path("tcError").isNull()).as("%s", body).isTrue();
		assertThat(body.path("participantErrors")).as("%s", body).isEmpty();
		assertThat(kinds(body)).containsExactly("place", "pay");
		// both transactions committed: the TC holds neither any more
		body.path("transactions").forEach(t -> {
			assertThat(t.path("xid").asText()).isNotBlank();
			assertThat(t.path("tcStatus").isNull()).as("%s", t).isTrue();
		});
		JsonNode inventory = participant(body, "inventory");
		assertThat(inventory.path("rows")).hasSize(1);
		assertThat(inventory.path("rows").get(0).path("status").asText()).isEqualTo("SOLD");
		// the reservation's branch only: the sale follows the OrderPaid event
		assertThat(inventory.path("fence")).as("%s", inventory).hasSize(1);
		JsonNode payment = participant(body, "payment");
		assertThat(payment.path("rows").get(0).path("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(payment.path("rows").get(0).path("amount_cents").asLong()).isEqualTo(1900);
		assertThat(payment.path("fence")).as("%s", payment).hasSize(1);
		JsonNode couponState = participant(body, "coupon");
		assertThat(couponState.path("rows").get(0).path("status").asText()).isEqualTo("USED");
		assertThat(couponState.path("fence")).as("%s", couponState).hasSize(2);
		for (JsonNode state : List.of(inventory, payment, couponState)) {
			state.path("fence").forEach(f -> assertThat(f.path("status").asInt()).as("%s", f).isEqualTo(2));
		}
	}

	@Test
	void shouldAnswerAdminsOnly() {
		String user = Shop.fundedUser("nosy", 0);

		Api.Response lookup = Api.as(user).get("/api/admin/orders/nonexistent");
		Api.Response release = Api.as(user).post("/api/admin/orders/nonexistent/release", Map.of("reason", "x"), "new");
		Api.Response missing = Api.admin().get("/api/admin/orders/nonexistent");
		Api.Response internal = Api.admin().get("/internal/orders/nonexistent/state");

		assertThat(lookup.status()).isEqualTo(403);
		assertThat(release.status()).isEqualTo(403);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.code()).isEqualTo("ORDER_NOT_FOUND");
		assertThat(internal.status()).as("%s", internal).isEqualTo(403);
	}

	@Test
	void shouldRefuseToReleaseAPaidOrderAndChangeNothing() {
		String sku = Shop.product("kept", 500, 5);
		String user = Shop.fundedUser("kept", 10_000);
		String orderNo = Shop.placeOrder(user, List.of(line(sku, 1)), null).text("orderNo");
		assertThat(Api.as(user).post("/api/orders/" + orderNo + "/payment", Map.of(), "new").text("status"))
			.isEqualTo("PAID");
		Shop.awaitStock(sku, 4, 0, 1);
		List<Long> wallet = Shop.wallet(user);

		Api.Response release = Api.admin()
			.post("/api/admin/orders/" + orderNo + "/release", Map.of("reason", "customer asked"), "new");
		Api.Response withoutReason = Api.admin().post("/api/admin/orders/" + orderNo + "/release", Map.of(), "new");

		assertThat(release.status()).as("%s", release).isEqualTo(409);
		assertThat(release.code()).isEqualTo("ORDER_PAID");
		assertThat(withoutReason.status()).as("%s", withoutReason).isEqualTo(400);
		assertThat(Api.admin().get("/api/admin/orders/" + orderNo).body().path("order").path("status").asText())
			.isEqualTo("PAID");
		assertThat(Shop.stock(sku)).containsExactly(4L, 0L, 1L);
		assertThat(Shop.wallet(user)).isEqualTo(wallet);
		List<Map<String, Object>> audit = Db.rows("tccmall_order",
				"SELECT actor, outcome, status_before, status_after, reason FROM admin_audit WHERE order_no = ?",
				orderNo);
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0)).containsEntry("outcome", "REFUSED")
			.containsEntry("status_before", "PAID")
			.containsEntry("status_after", "PAID")
			.containsEntry("reason", "customer asked");
	}

	@Test
	void shouldReleaseAnOrderStuckInCancellingAndGiveEverythingBack() {
		String sku = Shop.product("stuck", 1000, 10);
		String user = Shop.fundedUser("stuck", 50_000);
		String coupon = Shop.claim(user, Shop.couponTemplate(100, 1000, 10, 1));
		String orderNo = Shop.placeOrder(user, List.of(line(sku, 3)), coupon).text("orderNo");
		assertThat(Shop.stock(sku)).containsExactly(7L, 3L, 0L);
		assertThat(Shop.couponStatus(user, coupon)).isEqualTo("LOCKED");
		// a cancel that started and never finished: its holds are all still in place
		assertThat(Db.update("tccmall_order",
				"UPDATE orders SET status = 'CANCELLING', cancel_reason = 'USER' WHERE order_no = ?", orderNo))
			.isEqualTo(1);
		assertThat(Api.as(user).post("/api/orders/" + orderNo + "/cancellation", Map.of(), "new").status())
			.isEqualTo(409);

		String key = "release-" + orderNo;
		Api.Response release = Api.admin()
			.post("/api/admin/orders/" + orderNo + "/release", Map.of("reason", "cancel lost, ticket 42"), key);
		Api.Response replay = Api.admin()
			.post("/api/admin/orders/" + orderNo + "/release", Map.of("reason", "cancel lost, ticket 42"), key);

		assertThat(release.status()).as("%s", release).isEqualTo(200);
		assertThat(release.text("statusBefore")).isEqualTo("CANCELLING");
		assertThat(release.text("statusAfter")).isEqualTo("CANCELLED");
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(Shop.stock(sku)).containsExactly(10L, 0L, 0L);
		assertThat(Shop.couponStatus(user, coupon)).isEqualTo("AVAILABLE");
		assertThat(Shop.wallet(user)).containsExactly(50_000L, 0L);

		JsonNode lookup = Api.admin().get("/api/admin/orders/" + orderNo).body();
		assertThat(lookup.path("order").path("status").asText()).isEqualTo("CANCELLED");
		assertThat(lookup.path("order").path("cancelReason").asText()).isEqualTo("ADMIN");
		assertThat(kinds(lookup)).containsExactly("place", "cancel");
		assertThat(participant(lookup, "inventory").path("rows").get(0).path("status").asText()).isEqualTo("RELEASED");
		assertThat(lookup.path("audit")).hasSize(1);
		JsonNode audit = lookup.path("audit").get(0);
		assertThat(audit.path("actor").asText()).isEqualTo("it-admin");
		assertThat(audit.path("outcome").asText()).isEqualTo("RELEASED");
		assertThat(audit.path("statusBefore").asText()).isEqualTo("CANCELLING");
		assertThat(audit.path("statusAfter").asText()).isEqualTo("CANCELLED");
		assertThat(audit.path("reason").asText()).isEqualTo("cancel lost, ticket 42");

		Api.Response again = Api.admin()
			.post("/api/admin/orders/" + orderNo + "/release", Map.of("reason", "twice"), "new");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("ORDER_ALREADY_CANCELLED");
		assertThat(Shop.stock(sku)).containsExactly(10L, 0L, 0L);
		Invariants.assertHold();
		Api.Response report = Api.admin().get("/api/admin/reconciliation");
		assertThat(report.body().path("ok").asBoolean()).as("%s", report).isTrue();
	}

	private static List<String> kinds(JsonNode inspection) {
		List<String> kinds = new ArrayList<>();
		inspection.path("transactions").forEach(t -> kinds.add(t.path("kind").asText()));
		return kinds;
	}

	private static JsonNode participant(JsonNode inspection, String name) {
		for (JsonNode state : inspection.path("participants")) {
			if (name.equals(state.path("participant").asText())) {
				return state;
			}
		}
		throw new AssertionError("no " + name + " in " + inspection);
	}

}
