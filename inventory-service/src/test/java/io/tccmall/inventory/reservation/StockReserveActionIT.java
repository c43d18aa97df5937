package io.tccmall.inventory.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tccmall.common.web.BusinessException;
import io.tccmall.inventory.InventoryDatabaseSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockReserveActionIT extends InventoryDatabaseSupport {

	@Autowired
	StockReserveAction reserve;

	@BeforeEach
	void catalogue() {
		product("SKU-A", "Alpha", 1250, 100);
		product("SKU-B", "Bravo", 499, 5);
		product("SKU-C", "Charlie", 129900, 100);
	}

	@Test
	void shouldFreezeEveryItemAndAnswerUnitPricesAndNamesInSkuOrder() {
		ReservedStock reserved = this.reserve.prepare(null, "O-1",
				List.of(new StockItem("SKU-C", 1), new StockItem("SKU-A", 3)), null);

		assertThat(reserved).isEqualTo(new ReservedStock("O-1",
				List.of(new ReservedItem("SKU-A", 3, 1250, "Alpha"), new ReservedItem("SKU-C", 1, 129900, "Charlie"))));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));
		assertThat(stock("SKU-C")).isEqualTo(new Stock(99, 1, 0, 0, 100));
		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "TRYING", "SKU-C", "TRYING"));
		assertStockBalanced();
	}

	@Test
	void shouldReserveNothingWhenTheSecondOfThreeSkusIsShort() {
		assertThatThrownBy(() -> this.reserve.prepare(null, "O-1",
				List.of(new StockItem("SKU-A", 2), new StockItem("SKU-B", 6), new StockItem("SKU-C", 1)), null))
			.isInstanceOfSatisfying(BusinessException.class, ex -> {
				assertThat(ex.code()).isEqualTo("OUT_OF_STOCK");
				assertThat(ex.status().value()).isEqualTo(409);
			});

		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(5, 0, 0, 0, 5));
		assertThat(stock("SKU-C")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(count("stock_reservation")).isZero();
	}

	@Test
	void shouldReserveNothingWhenASkuDoesNotExist() {
		assertThatThrownBy(() -> this.reserve.prepare(null, "O-1",
				List.of(new StockItem("SKU-A", 2), new StockItem("SKU-ZZZ", 1)), null))
			.isInstanceOfSatisfying(BusinessException.class, ex -> {
				assertThat(ex.code()).isEqualTo("SKU_NOT_FOUND");
				assertThat(ex.status().value()).isEqualTo(404);
			});

		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(count("stock_reservation")).isZero();
	}

	@Test
	void shouldTreatSkuIdsAsCaseSensitive() {
		assertThatThrownBy(() -> this.reserve.prepare(null, "O-1", List.of(new StockItem("sku-a", 1)), null))
			.isInstanceOfSatisfying(BusinessException.class, ex -> assertThat(ex.code()).isEqualTo("SKU_NOT_FOUND"));
		assertThat(stock("SKU-A").available()).isEqualTo(100);
	}

	@Test
	void shouldRefuseDuplicatedSkusAndReserveNothing() {
		assertThatThrownBy(() -> this.reserve.prepare(null, "O-1",
				List.of(new StockItem("SKU-A", 1), new StockItem("SKU-A", 2)), null))
			.isInstanceOfSatisfying(BusinessException.class,
					ex -> assertThat(ex.code()).isEqualTo("VALIDATION_FAILED"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(count("stock_reservation")).isZero();
	}

	@Test
	void shouldFreezeOnceWhenTheSameOrderIsReservedTwice() {
		List<StockItem> items = List.of(new StockItem("SKU-A", 4), new StockItem("SKU-B", 2));
		ReservedStock first = this.reserve.prepare(null, "O-1", items, null);
		ReservedStock second = this.reserve.prepare(null, "O-1", items, null);

		assertThat(second).isEqualTo(first);
		assertThat(stock("SKU-A")).isEqualTo(new Stock(96, 4, 0, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(3, 2, 0, 0, 5));
		assertThat(count("stock_reservation")).isEqualTo(2);
	}

	@Test
	void shouldRefuseAnOrderNumberThatAlreadyReservedADifferentQuantity() {
		this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-A", 4)), null);

		assertThatThrownBy(() -> this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-A", 5)), null))
			.isInstanceOfSatisfying(BusinessException.class,
					ex -> assertThat(ex.code()).isEqualTo("ILLEGAL_RESERVATION_STATE"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(96, 4, 0, 0, 100));
	}

	@Test
	void shouldNotReportACancelledReservationAsReservedWhenTheTryIsRepeated() {
		this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-A", 4)), null);
		this.reserve.cancel(context(StockReserveAction.NAME, "O-1"));

		assertThatThrownBy(() -> this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-A", 4)), null))
			.isInstanceOfSatisfying(BusinessException.class,
					ex -> assertThat(ex.code()).isEqualTo("ILLEGAL_RESERVATION_STATE"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
	}

	@Test
	void shouldHoldTheStockOnConfirmWithoutMovingQuantitiesEvenWhenConfirmedTwice() {
		this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-A", 3), new StockItem("SKU-C", 2)), null);

		assertThat(this.reserve.confirm(context(StockReserveAction.NAME, "O-1"))).isTrue();
		assertThat(this.reserve.confirm(context(StockReserveAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "HELD", "SKU-C", "HELD"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));
		assertThat(stock("SKU-C")).isEqualTo(new Stock(98, 2, 0, 0, 100));
		assertStockBalanced();
	}

	@Test
	void shouldGiveTheStockBackOnceWhenCancelRunsTwice() {
		this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-A", 3), new StockItem("SKU-B", 5)), null);

		assertThat(this.reserve.cancel(context(StockReserveAction.NAME, "O-1"))).isTrue();
		assertThat(this.reserve.cancel(context(StockReserveAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "CANCELLED", "SKU-B", "CANCELLED"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(5, 0, 0, 0, 5));
		assertStockBalanced();
	}

	@Test
	void shouldTreatCancelOfAnOrderNeverTriedAsANoOp() {
		this.reserve.prepare(null, "O-OTHER", List.of(new StockItem("SKU-A", 3)), null);

		assertThat(this.reserve.cancel(context(StockReserveAction.NAME, "O-NEVER"))).isTrue();
		assertThat(this.reserve.confirm(context(StockReserveAction.NAME, "O-NEVER"))).isTrue();

		assertThat(reservations("O-NEVER")).isEmpty();
		assertThat(reservations("O-OTHER")).isEqualTo(Map.of("SKU-A", "TRYING"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));
	}

	@Test
	void shouldLeaveHeldStockAloneWhenCancelArrivesAfterConfirm() {
		this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-A", 3)), null);
		this.reserve.confirm(context(StockReserveAction.NAME, "O-1"));

		assertThat(this.reserve.cancel(context(StockReserveAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "HELD"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));
	}

	@Test
	void shouldSucceedWithoutEffectWhenTheContextHasNoOrderNumber() {
		this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-A", 3)), null);

		assertThat(this.reserve.cancel(context(StockReserveAction.NAME, null))).isTrue();
		assertThat(this.reserve.confirm(context(StockReserveAction.NAME, null))).isTrue();

		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));
	}

	@Test
	void shouldNotOversellWhenFiftyBuyersRaceForTenUnits() throws Exception {
		product("SKU-HOT", "Hot item", 999, 10);
		List<Callable<Boolean>> buyers = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		for (int i = 0; i < 50; i++) {
			String orderNo = "O-RACE-" + i;
			buyers.add(() -> {
				start.await();
				try {
					this.reserve.prepare(null, orderNo, List.of(new StockItem("SKU-HOT", 1)), null);
					return true;
				}
				catch (BusinessException ex) {
					assertThat(ex.code()).isEqualTo("OUT_OF_STOCK");
					return false;
				}
			});
		}

		List<Boolean> outcomes = race(buyers, start);

		assertThat(outcomes.stream().filter(Boolean::booleanValue).count()).isEqualTo(10);
		assertThat(stock("SKU-HOT")).isEqualTo(new Stock(0, 10, 0, 0, 10));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM stock_reservation WHERE sku_id = 'SKU-HOT'",
				Integer.class))
			.isEqualTo(10);
		assertStockBalanced();
	}

	@Test
	void shouldFreezeOnceWhenRetriesOfTheSameOrderRace() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Boolean>> retries = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			retries.add(() -> {
				start.await();
				this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-A", 7), new StockItem("SKU-C", 1)), null);
				return true;
			});
		}

		assertThat(race(retries, start)).containsOnly(true);
		assertThat(stock("SKU-A")).isEqualTo(new Stock(93, 7, 0, 0, 100));
		assertThat(stock("SKU-C")).isEqualTo(new Stock(99, 1, 0, 0, 100));
		assertThat(count("stock_reservation")).isEqualTo(2);
	}

	@Test
	void shouldNotDeadlockWhenOrdersAskForTheSameSkusInOppositeOrder() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Boolean>> orders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String orderNo = "O-X-" + i;
			List<StockItem> items = (i % 2 == 0) ? List.of(new StockItem("SKU-A", 1), new StockItem("SKU-C", 1))
					: List.of(new StockItem("SKU-C", 1), new StockItem("SKU-A", 1));
			orders.add(() -> {
				start.await();
				this.reserve.prepare(null, orderNo, items, null);
				this.reserve.cancel(context(StockReserveAction.NAME, orderNo));
				return true;
			});
		}

		assertThat(race(orders, start)).containsOnly(true);
		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(stock("SKU-C")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM stock_reservation WHERE status = 'CANCELLED'",
				Integer.class))
			.isEqualTo(40);
	}

	private static <T> List<T> race(List<Callable<T>> tasks, CountDownLatch start) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(task));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
