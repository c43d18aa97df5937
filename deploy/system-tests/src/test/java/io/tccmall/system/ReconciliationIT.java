package io.tccmall.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./tccmall check} and {@code GET /api/admin/reconciliation} on the running stack:
 * they pass after real checkouts, fail naming the sku when one row is corrupted by hand
 * (restored at once), are for admins only, and change nothing. Runs after the other
 * workload tests, so it audits everything they left, and before the fault tests.
 */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class ReconciliationIT {

	private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(2);

	private static final List<String> CHECKS = List.of("inventory.stock-conservation", "inventory.stock-reservations",
			"payment.money-conservation", "payment.wallet-payments", "payment.one-payment-per-order",
			"payment.outbox-lag", "coupon.template-claims", "coupon.user-coupons", "stuck-orders", "order-stock",
			"order-payments", "order-coupons", "tc-open-global-transactions", "order-outbox-lag", "flash-sale-tickets",
			"events-dead-letters");

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldPassAfterCheckoutsAndNameTheSkuWhenStockIsFrozenWithoutAReservation() {
		String sku = Shop.product("reconciled", 1000, 10);
		String user = Shop.fundedUser("reconciler", 100_000);
		String coupon = Shop.claim(user, Shop.couponTemplate(100, 1000, 10, 1));
		String paid = Shop.placeOrder(user, List.of(line(sku, 2)), coupon).text("orderNo");
		assertThat(Api.as(user).post("/api/orders/" + paid + "/payment", Map.of(), "new").text("status"))
			.isEqualTo("PAID");
		String cancelled = Shop.placeOrder(user, List.of(line(sku, 1)), null).text("orderNo");
		assertThat(Api.as(user).post("/api/orders/" + cancelled + "/cancellation", Map.of(), "new").text("status"))
			.isEqualTo("CANCELLED");
		Shop.awaitStock(sku, 8, 0, 2);

		Stack.Cli healthy = Stack.run(CHECK_TIMEOUT, "check");
		assertThat(healthy.exitCode()).as(healthy.output()).isZero();
		assertThat(healthy.output()).contains("all " + CHECKS.size() + " checks passed")
			.doesNotContain("FAIL")
			.doesNotContain("UNKNOWN");
		Api.Response report = Api.admin().get("/api/admin/reconciliation");
		assertThat(report.status()).as("%s", report).isEqualTo(200);
		assertThat(report.body().path("ok").asBoolean()).as("%s", report).isTrue();
		assertThat(names(report.body())).containsExactlyElementsOf(CHECKS);

		// one unit moved from available to frozen by hand: still conserved, but no
		// reservation freezes it
		Db.update("tccmall_inventory",
				"UPDATE product SET available = available - 1, frozen = frozen + 1 WHERE sku_id = ?", sku);
		try {
			Stack.Cli corrupted = Stack.run(CHECK_TIMEOUT, "check");
			assertThat(corrupted.exitCode()).as(corrupted.output()).isEqualTo(1);
			assertThat(corrupted.output()).contains("FAIL    inventory.stock-reservations")
				.contains("- sku " + sku
						+ ": frozen 1 but live reservations (TRYING/HELD/RELEASING) hold 0; sold 2, SOLD reservations 2")
				.contains("OK      inventory.stock-conservation")
				.contains("1 of " + CHECKS.size() + " checks failed");

			Stack.Cli json = Stack.run(CHECK_TIMEOUT, "check", "--json");
			assertThat(json.exitCode()).isEqualTo(1);
			JsonNode body = read(json.output());
			assertThat(body.path("ok").asBoolean()).isFalse();
			assertThat(body.path("checks").get(1).path("violations").toString()).contains("sku " + sku + ": frozen 1");
		}
		finally {
			Db.update("tccmall_inventory",
					"UPDATE product SET available = available + 1, frozen = frozen - 1 WHERE sku_id = ?", sku);
		}
		assertThat(Shop.stock(sku)).containsExactly(8L, 0L, 2L);
		assertThat(Stack.run(CHECK_TIMEOUT, "check").exitCode()).isZero();
	}

	@Test
	void shouldAnswerAdminsOnlyAndKeepTheParticipantsEndpointsUnrouted() {
		String shopper = Shop.fundedUser("curious", 0);

		Api.Response asShopper = Api.as(shopper).get("/api/admin/reconciliation");
		Api.Response anonymous = Api.anonymous().get("/api/admin/reconciliation");
		Api.Response internal = Api.admin().get("/internal/reconciliation?since=2020-01-01T00:00:00Z");

		assertThat(asShopper.status()).isEqualTo(403);
		assertThat(asShopper.code()).isEqualTo("FORBIDDEN");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(internal.status()).as("%s", internal).isEqualTo(403);
	}

	@Test
	void shouldRefuseAWindowOutOfRange() {
		Api.Response tooLong = Api.admin().get("/api/admin/reconciliation?window=30d");

		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.code()).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void shouldChangeNothing() {
		Map<String, List<String>> tables = Map.of("tccmall_order", List.of("orders", "order_item", "tcc_fence_log"),
				"tccmall_inventory", List.of("product", "stock_reservation", "restock", "tcc_fence_log"),
				"tccmall_payment", List.of("wallet", "payment", "top_up", "tcc_fence_log"), "tccmall_coupon",
				List.of("coupon_template", "user_coupon", "coupon_claim_request", "tcc_fence_log"));
		Map<String, Object> before = checksums(tables);

		assertThat(Api.admin().get("/api/admin/reconciliation").status()).isEqualTo(200);
		assertThat(Stack.run(CHECK_TIMEOUT, "check", "--window", "7d").exitCode()).isZero();

		assertThat(checksums(tables)).isEqualTo(before);
	}

	private static Map<String, Object> checksums(Map<String, List<String>> tables) {
		Map<String, Object> sums = new java.util.TreeMap<>();
		tables.forEach((database, names) -> {
			for (String table : names) {
				sums.put(database + "." + table, Db.rows(database, "CHECKSUM TABLE " + table).get(0).get("Checksum"));
			}
		});
		return sums;
	}

	private static List<String> names(JsonNode report) {
		List<String> names = new ArrayList<>();
		report.path("checks").forEach(check -> names.add(check.path("name").asText()));
		return names;
	}

	private static JsonNode read(String output) {
		try {
			return Api.JSON.readTree(output);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(output, ex);
		}
	}

}
