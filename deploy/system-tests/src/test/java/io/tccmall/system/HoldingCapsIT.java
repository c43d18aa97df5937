package io.tccmall.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One shopper cannot freeze the catalogue (issue 20, finding 6): at most 10 unpaid orders
 * and 200 units held at once (the defaults of {@code tccmall.order.caps}), each refusal a
 * 409 problem with its own code that holds nothing, also when the shopper's places race
 * each other.
 */
class HoldingCapsIT {

	private static final ExecutorService POOL = Executors.newFixedThreadPool(16);

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@AfterAll
	static void pool() {
		POOL.shutdownNow();
	}

	@AfterEach
	void invariantsHold() {
		Invariants.assertHold();
	}

	@Test
	void shouldRefuseAnEleventhUnpaidOrderUntilOneIsPaid() {
		String sku = Shop.product("capped", 100, 100);
		String user = Shop.fundedUser("hoarder", 10_000);
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Api.Response placed = Shop.placeOrder(user, List.of(line(sku, 1)), null);
			assertThat(placed.status()).as("%s", placed).isEqualTo(201);
			orders.add(placed.text("orderNo"));
		}

		Api.Response eleventh = Shop.placeOrder(user, List.of(line(sku, 1)), null);

		assertThat(eleventh.status()).as("%s", eleventh).isEqualTo(409);
		assertThat(eleventh.code()).isEqualTo("TOO_MANY_UNPAID_ORDERS");
		assertThat(Shop.stock(sku)).containsExactly(90L, 10L, 0L);
		Api.Response paid = Api.as(user).post("/api/orders/" + orders.get(0) + "/payment", Map.of(), "new");
		assertThat(paid.status()).as("%s", paid).isEqualTo(200);
		assertThat(Shop.placeOrder(user, List.of(line(sku, 1)), null).status()).isEqualTo(201);
	}

	@Test
	void shouldRefuseAnOrderThatWouldHoldTooManyUnits() {
		String sku = Shop.product("bulk", 100, 1_000);
		String user = Shop.fundedUser("bulk-buyer", 10_000);
		assertThat(Shop.placeOrder(user, List.of(line(sku, 150)), null).status()).isEqualTo(201);

		Api.Response tooMany = Shop.placeOrder(user, List.of(line(sku, 51)), null);

		assertThat(tooMany.status()).as("%s", tooMany).isEqualTo(409);
		assertThat(tooMany.code()).isEqualTo("TOO_MANY_UNITS_HELD");
		assertThat(Shop.stock(sku)).containsExactly(850L, 150L, 0L);
		assertThat(Shop.placeOrder(user, List.of(line(sku, 50)), null).status()).isEqualTo(201);
	}

	@Test
	void shouldLetNoMoreThanTheCapThroughWhenOneShoppersPlacesRace() throws Exception {
		String sku = Shop.product("raced-cap", 100, 100);
		String user = Shop.fundedUser("racing-hoarder", 10_000);
		List<Future<Api.Response>> answers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			answers.add(POOL.submit((Callable<Api.Response>) () -> Shop.placeOrder(user, List.of(line(sku, 1)), null)));
		}
		List<Api.Response> responses = new ArrayList<>();
		for (Future<Api.Response> answer : answers) {
			responses.add(answer.get());
		}

		assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(10);
		assertThat(responses).filteredOn(r -> r.status() != 201)
			.allSatisfy(r -> assertThat(r.code()).as("%s", r).isIn("TOO_MANY_UNPAID_ORDERS", "CONFLICT"));
		assertThat(Db.number("tccmall_order",
				"SELECT COUNT(*) FROM orders WHERE user_id = ? AND status NOT IN ('PAID', 'CANCELLED')", user))
			.isEqualTo(10);
		Shop.awaitStock(sku, 90, 10, 0);
	}

}
