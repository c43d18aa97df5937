package io.tccmall.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker on the same host, going straight to each service's port past the gateway
 * (issue 20, finding 1): forged identity headers, no credential, a shopper's token on
 * admin, internal and actuator paths, a service token forged with the gateway's key.
 * Every request is refused with 401 or 403 and changes nothing; the services, the TC and
 * its console listen on loopback only; the same shopper's token relayed by the gateway
 * still works.
 */
class TrustBoundaryIT {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final int ORDER = 8081;

	private static final int INVENTORY = 8082;

	private static final int PAYMENT = 8083;

	private static final int COUPON = 8084;

	private static final List<Integer> SERVICE_PORTS = List.of(ORDER, INVENTORY, PAYMENT, COUPON, ORDER + 100,
			INVENTORY + 100, PAYMENT + 100, COUPON + 100);

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldRefuseEveryRequestThatReachesAServicePortWithoutTheRightCredential() {
		String victim = Shop.fundedUser("victim", 5_000);
		String sku = Shop.product("boundary", 700, 10);
		String attacker = "Bearer " + Tokens.shopper("mallory");
		// a "service" token signed with the only key the gateway (or a leaked user
		// token's verifier) has
		String forgedService = "Bearer " + Tokens.signed("order-service", "tccmall-services", "[]",
				"\"aud\":[\"payment-service\",\"inventory-service\",\"coupon-service\"],");
		List<Long> wallet = Shop.wallet(victim);
		List<Long> stock = Shop.stock(sku);
		String topUp = "{\"amountCents\":99999999}";
		String reserve = "{\"orderNo\":\"EVIL-1\",\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":10}]}";
		String debit = "{\"orderNo\":\"EVIL-1\",\"userId\":\"" + victim + "\",\"amountCents\":5000}";

		List<Attempt> attempts = new ArrayList<>();
		for (int replica : List.of(0, 100)) {
			int payment = PAYMENT + replica;
			int inventory = INVENTORY + replica;
			attempts.add(post(payment, "/api/admin/wallets/" + victim + "/top-ups", topUp, null, 401));
			attempts.add(post(payment, "/api/admin/wallets/" + victim + "/top-ups", topUp, attacker, 403));
			attempts.add(post(payment, "/internal/payments", debit, null, 401));
			attempts.add(post(payment, "/internal/payments", debit, attacker, 403));
			attempts.add(post(payment, "/internal/payments", debit, "Bearer " + Tokens.admin(), 403));
			attempts.add(post(payment, "/internal/payments", debit, forgedService, 401));
			attempts.add(post(inventory, "/internal/stock/reservations", reserve, null, 401));
			attempts.add(post(inventory, "/internal/stock/reservations", reserve, attacker, 403));
			attempts.add(post(inventory, "/internal/stock/reservations", reserve, forgedService, 401));
			attempts.add(post(inventory, "/internal/stock/reservations/EVIL-1/release", "{}", attacker, 403));
			attempts.add(post(inventory, "/api/admin/products/" + sku + "/restocks", "{\"quantity\":5}", null, 401));
			attempts
				.add(post(inventory, "/api/admin/products/" + sku + "/restocks", "{\"quantity\":5}", attacker, 403));
			attempts.add(post(COUPON + replica, "/internal/coupons/C1/lock",
					"{\"userId\":\"" + victim + "\",\"orderNo\":\"EVIL-1\",\"orderTotalCents\":100}", attacker, 403));
			attempts.add(get(COUPON + replica, "/internal/reconciliation?since=2020-01-01T00:00:00Z", attacker, 403));
			attempts.add(get(ORDER + replica, "/api/admin/orders/EVIL-1", null, 401));
			attempts.add(get(ORDER + replica, "/api/admin/reconciliation", attacker, 403));
			attempts.add(get(ORDER + replica, "/api/orders", null, 401));
		}
		for (int port : SERVICE_PORTS) {
			attempts.add(get(port, "/actuator/prometheus", null, 401));
			attempts.add(get(port, "/actuator/prometheus", attacker, 403));
			attempts.add(get(port, "/actuator/env", attacker, 403));
			attempts.add(get(port, "/actuator/metrics", null, 401));
		}

		for (Attempt attempt : attempts) {
			HttpResponse<String> response = send(attempt);
			assertThat(response.statusCode()).as("%s -> %s", attempt, response.body()).isEqualTo(attempt.expected());
			assertThat(response.headers().firstValue("Content-Type")).as("%s", attempt)
				.hasValue("application/problem+json");
		}
		assertThat(Shop.wallet(victim)).as("the victim's wallet").isEqualTo(wallet);
		assertThat(Shop.stock(sku)).as("the sku's stock").isEqualTo(stock);
		assertThat(Db.number("tccmall_payment", "SELECT COUNT(*) FROM payment WHERE order_no = 'EVIL-1'")).isZero();
		assertThat(Db.number("tccmall_inventory", "SELECT COUNT(*) FROM stock_reservation WHERE order_no = 'EVIL-1'"))
			.isZero();
	}

	@Test
	void shouldTakeTheShopperFromTheRelayedTokenNotFromAHeader() {
		String alice = Shop.fundedUser("alice-direct", 1_000);
		String bob = Shop.fundedUser("bob-direct", 2_000);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PAYMENT + "/api/wallet"))
			.header("Authorization", "Bearer " + Tokens.shopper(alice))
			.header("X-User-Id", bob)
			.build();

		HttpResponse<String> response = send(request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"userId\":\"" + alice + "\"").doesNotContain(bob);
		Api.Response placed = Shop.placeOrder(alice, List.of(line(Shop.product("relayed", 100, 3), 1)), null);
		assertThat(placed.status()).as("%s", placed).isEqualTo(201);
	}

	@Test
	void shouldListenOnLoopbackOnlyInTheLocalProfile() throws IOException {
		List<String> listeners = new ArrayList<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			for (String line : Files.readAllLines(Path.of(table))
				.subList(1, Files.readAllLines(Path.of(table)).size())) {
				String[] fields = line.trim().split("\\s+");
				String[] local = fields[1].split(":");
				int port = Integer.parseInt(local[1], 16);
				if ("0A".equals(fields[3])
						&& (SERVICE_PORTS.contains(port) || port == 8080 || port == 7091 || port == 8091)) {
					listeners.add(port + " " + local[0].toUpperCase(Locale.ROOT));
				}
			}
		}
		assertThat(listeners).as("listening sockets of the gateway, the services, the TC and its console")
			.hasSizeGreaterThanOrEqualTo(SERVICE_PORTS.size() + 3)
			.allSatisfy(listener -> assertThat(listener.split(" ")[1]).as(listener)
				.isIn("0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"));
	}

	private static Attempt post(int port, String path, String body, String authorization, int expected) {
		return new Attempt("POST", port, path, body, authorization, expected);
	}

	private static Attempt get(int port, String path, String authorization, int expected) {
		return new Attempt("GET", port, path, null, authorization, expected);
	}

	private static HttpResponse<String> send(Attempt attempt) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + attempt.port() + attempt.path()))
			.timeout(Duration.ofSeconds(30))
			// what a caller past the gateway would claim to be
			.header("X-User-Id", "attacker")
			.header("X-User-Roles", "ADMIN,SERVICE,METRICS")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json");
		if (attempt.authorization() != null) {
			request.header("Authorization", attempt.authorization());
		}
		request.method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(attempt.body()));
		return send(request.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Attempt(String method, int port, String path, String body, String authorization, int expected) {

		@Override
		public String toString() {
			return this.method + " :" + this.port + this.path + (this.authorization == null ? " (no token)"
					: " (" + this.authorization.substring(0, Math.min(20, this.authorization.length())) + "...)");
		}

	}

}
