package io.tccmall.inventory.reservation;

import java.util.List;
import java.util.Map;

import io.tccmall.common.web.BusinessException;
import io.tccmall.inventory.InventoryDatabaseSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockSellAndReleaseActionIT extends InventoryDatabaseSupport {

	@Autowired
	StockReserveAction reserve;

	@Autowired
	StockSellAction sell;

	@Autowired
	StockReleaseAction release;

	@BeforeEach
	void catalogue() {
		product("SKU-A", "Alpha", 1250, 100);
		product("SKU-B", "Bravo", 499, 10);
	}

	/** An order placed and confirmed: 3 of A and 2 of B held. */
	private void heldOrder(String orderNo) {
		this.reserve.prepare(null, orderNo, List.of(new StockItem("SKU-A", 3), new StockItem("SKU-B", 2)), null);
		this.reserve.confirm(context(StockReserveAction.NAME, orderNo));
	}

	@Test
	void shouldMoveFrozenStockToSoldWhenAHeldOrderIsSoldAndConfirmed() {
		heldOrder("O-1");

		assertThat(this.sell.prepare(null, "O-1")).isTrue();
		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "SELLING", "SKU-B", "SELLING"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));

		assertThat(this.sell.confirm(context(StockSellAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "SOLD", "SKU-B", "SOLD"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 0, 3, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(8, 0, 2, 0, 10));
		assertStockBalanced();
	}

	@Test
	void shouldSellOnceWhenSaleConfirmRunsTwice() {
		heldOrder("O-1");
		this.sell.prepare(null, "O-1");

		this.sell.confirm(context(StockSellAction.NAME, "O-1"));
		assertThat(this.sell.confirm(context(StockSellAction.NAME, "O-1"))).isTrue();

		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 0, 3, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(8, 0, 2, 0, 10));
	}

	@Test
	void shouldPutTheStockBackOnHoldWhenTheSaleIsCancelledAndAllowAnotherSale() {
		heldOrder("O-1");
		this.sell.prepare(null, "O-1");

		assertThat(this.sell.cancel(context(StockSellAction.NAME, "O-1"))).isTrue();
		assertThat(this.sell.cancel(context(StockSellAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "HELD", "SKU-B", "HELD"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));

		this.sell.prepare(null, "O-1");
		this.sell.confirm(context(StockSellAction.NAME, "O-1"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 0, 3, 0, 100));
	}

	@Test
	void shouldRefuseToSellAnOrderThatHoldsNothing() {
		this.reserve.prepare(null, "O-TRYING", List.of(new StockItem("SKU-A", 1)), null);
		heldOrder("O-SOLD");
		this.sell.prepare(null, "O-SOLD");
		this.sell.confirm(context(StockSellAction.NAME, "O-SOLD"));
		Stock before = stock("SKU-A");

		for (String orderNo : List.of("O-UNKNOWN", "O-TRYING", "O-SOLD")) {
			assertThatThrownBy(() -> this.sell.prepare(null, orderNo)).isInstanceOfSatisfying(BusinessException.class,
					ex -> {
						assertThat(ex.code()).isEqualTo("ILLEGAL_RESERVATION_STATE");
						assertThat(ex.status().value()).isEqualTo(409);
					});
		}

		assertThat(stock("SKU-A")).isEqualTo(before);
		assertThat(reservations("O-TRYING")).isEqualTo(Map.of("SKU-A", "TRYING"));
		assertThat(reservations("O-SOLD")).isEqualTo(Map.of("SKU-A", "SOLD", "SKU-B", "SOLD"));
	}

	@Test
	void shouldRefuseASecondSaleWhileTheFirstIsInFlight() {
		heldOrder("O-1");
		this.sell.prepare(null, "O-1");

		assertThatThrownBy(() -> this.sell.prepare(null, "O-1")).isInstanceOf(BusinessException.class);
		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "SELLING", "SKU-B", "SELLING"));
	}

	@Test
	void shouldGiveTheStockBackOnceWhenReleaseConfirmRunsTwice() {
		heldOrder("O-1");

		assertThat(this.release.prepare(null, "O-1")).isTrue();
		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "RELEASING", "SKU-B", "RELEASING"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));

		assertThat(this.release.confirm(context(StockReleaseAction.NAME, "O-1"))).isTrue();
		assertThat(this.release.confirm(context(StockReleaseAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "RELEASED", "SKU-B", "RELEASED"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(10, 0, 0, 0, 10));
		assertStockBalanced();
	}

	@Test
	void shouldKeepTheStockHeldWhenTheReleaseIsCancelled() {
		heldOrder("O-1");
		this.release.prepare(null, "O-1");

		assertThat(this.release.cancel(context(StockReleaseAction.NAME, "O-1"))).isTrue();
		assertThat(this.release.cancel(context(StockReleaseAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "HELD", "SKU-B", "HELD"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));
	}

	@Test
	void shouldTreatReleaseOfAnAlreadyReleasedCancelledOrUnknownOrderAsANoOp() {
		heldOrder("O-RELEASED");
		this.release.prepare(null, "O-RELEASED");
		this.release.confirm(context(StockReleaseAction.NAME, "O-RELEASED"));
		this.reserve.prepare(null, "O-CANCELLED", List.of(new StockItem("SKU-A", 5)), null);
		this.reserve.cancel(context(StockReserveAction.NAME, "O-CANCELLED"));

		for (String orderNo : List.of("O-RELEASED", "O-CANCELLED", "O-UNKNOWN")) {
			assertThat(this.release.prepare(null, orderNo)).isTrue();
			assertThat(this.release.confirm(context(StockReleaseAction.NAME, orderNo))).isTrue();
		}

		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(stock("SKU-B")).isEqualTo(new Stock(10, 0, 0, 0, 10));
		assertThat(reservations("O-RELEASED")).isEqualTo(Map.of("SKU-A", "RELEASED", "SKU-B", "RELEASED"));
		assertThat(reservations("O-CANCELLED")).isEqualTo(Map.of("SKU-A", "CANCELLED"));
	}

	@Test
	void shouldRefuseToReleaseStockThatIsSoldOrStillInFlight() {
		heldOrder("O-SOLD");
		this.sell.prepare(null, "O-SOLD");
		this.sell.confirm(context(StockSellAction.NAME, "O-SOLD"));
		heldOrder("O-SELLING");
		this.sell.prepare(null, "O-SELLING");
		this.reserve.prepare(null, "O-TRYING", List.of(new StockItem("SKU-A", 1)), null);
		Stock before = stock("SKU-A");

		for (String orderNo : List.of("O-SOLD", "O-SELLING", "O-TRYING")) {
			assertThatThrownBy(() -> this.release.prepare(null, orderNo)).isInstanceOfSatisfying(
					BusinessException.class, ex -> assertThat(ex.code()).isEqualTo("ILLEGAL_RESERVATION_STATE"));
		}

		assertThat(stock("SKU-A")).isEqualTo(before);
		assertThat(reservations("O-SELLING")).isEqualTo(Map.of("SKU-A", "SELLING", "SKU-B", "SELLING"));
	}

	@Test
	void shouldTreatPhaseTwoOfOrdersNeverTriedAsNoOps() {
		heldOrder("O-1");

		assertThat(this.sell.confirm(context(StockSellAction.NAME, "O-NEVER"))).isTrue();
		assertThat(this.sell.cancel(context(StockSellAction.NAME, "O-NEVER"))).isTrue();
		assertThat(this.release.confirm(context(StockReleaseAction.NAME, "O-NEVER"))).isTrue();
		assertThat(this.release.cancel(context(StockReleaseAction.NAME, "O-NEVER"))).isTrue();
		// phase two of a sale/release that never started must not touch the held order
		assertThat(this.sell.confirm(context(StockSellAction.NAME, "O-1"))).isTrue();
		assertThat(this.release.confirm(context(StockReleaseAction.NAME, "O-1"))).isTrue();

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "HELD", "SKU-B", "HELD"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(97, 3, 0, 0, 100));
		assertStockBalanced();
	}

}
