package io.tccmall.system;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test data made through the admin API, with names unique to this test run so runs never
 * share rows.
 */
public final class Shop {

	public static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private Shop() {
	}

	public static String product(String name, long priceCents, int stock) {
		String sku = "IT-" + RUN + "-" + name;
		Api.Response created = Api.admin()
			.post("/api/admin/products", Map.of("skuId", sku, "name", name, "priceCents", priceCents, "stock", stock));
		assertThat(created.status()).as("create product %s", created).isEqualTo(201);
		return sku;
	}

	public static String fundedUser(String name, long cents) {
		String user = "it-" + RUN + "-" + name;
		if (cents > 0) {
			topUp(user, cents);
		}
		return user;
	}

	public static void topUp(String user, long cents) {
		Api.Response topUp = Api.admin()
			.post("/api/admin/wallets/" + user + "/top-ups", Map.of("amountCents", cents), "new");
		assertThat(topUp.status()).as("top-up %s", topUp).isEqualTo(200);
	}

	public static long couponTemplate(long discountCents, long minSpendCents, int total, int perUser) {
		Instant now = Instant.now();
		Api.Response template = Api.admin()
			.post("/api/admin/coupon-templates",
					Map.of("name", "IT " + RUN + " " + discountCents + " off " + minSpendCents, "discountCents",
							discountCents, "minSpendCents", minSpendCents, "totalCount", total, "perUserLimit", perUser,
							"validFrom", now.minus(1, ChronoUnit.HOURS).toString(), "validUntil",
							now.plus(30, ChronoUnit.DAYS).toString()));
		assertThat(template.status()).as("create template %s", template).isEqualTo(201);
		return template.body().path("id").asLong(template.body().path("templateId").asLong());
	}

	public static String claim(String user, long templateId) {
		Api.Response claim = Api.as(user).post("/api/coupons/" + templateId + "/claims", Map.of(), "new");
		assertThat(claim.status()).as("claim %s", claim).isEqualTo(201);
		return claim.text("couponId");
	}

	public static Api.Response placeOrder(String user, List<Map<String, Object>> items, String couponId) {
		Map<String, Object> body = (couponId == null) ? Map.of("items", items)
				: Map.of("items", items, "couponId", couponId);
		return Api.as(user).post("/api/orders", body, "new");
	}

	public static Map<String, Object> line(String sku, int quantity) {
		return Map.of("skuId", sku, "quantity", quantity);
	}

	/** {available, frozen, sold} of a sku, as the admin API reports them. */
	public static List<Long> stock(String sku) {
		Api.Response stock = Api.admin().get("/api/admin/products/" + sku + "/stock");
		assertThat(stock.status()).as("stock of %s: %s", sku, stock).isEqualTo(200);
		return List.of(stock.body().path("available").asLong(), stock.body().path("frozen").asLong(),
				stock.body().path("sold").asLong());
	}

	/**
	 * Waits (30 s at most) until the sku's stock is {available, frozen, sold}: a paid
	 * order's stock moves from frozen to sold when inventory-service reads the order's
	 * {@code OrderPaid} event, just after the payment's answer.
	 */
	public static void awaitStock(String sku, long available, long frozen, long sold) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(stock(sku)).containsExactly(available, frozen, sold));
	}

	/** {balance, frozen} of a wallet. */
	public static List<Long> wallet(String user) {
		Api.Response wallet = Api.as(user).get("/api/wallet");
		assertThat(wallet.status()).as("wallet of %s: %s", user, wallet).isEqualTo(200);
		return List.of(wallet.body().path("balanceCents").asLong(), wallet.body().path("frozenCents").asLong());
	}

	public static String couponStatus(String user, String couponId) {
		for (var coupon : Api.as(user).get("/api/coupons/mine").body()) {
			if (couponId.equals(coupon.path("couponId").asText())) {
				return coupon.path("status").asText();
			}
		}
		return "MISSING";
	}

}
