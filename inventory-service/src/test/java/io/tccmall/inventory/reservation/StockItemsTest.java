package io.tccmall.inventory.reservation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tccmall.common.web.BusinessException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockItemsTest {

	@Test
	void shouldSortItemsBySkuSoThatEveryTransactionLocksProductsInTheSameOrder() {
		List<StockItem> sorted = StockItems.sortedAndChecked("O-1",
				List.of(new StockItem("SKU-C", 1), new StockItem("SKU-A", 2), new StockItem("SKU-B", 3)));

		assertThat(sorted).extracting(StockItem::skuId).containsExactly("SKU-A", "SKU-B", "SKU-C");
	}

	@Test
	void shouldRefuseDuplicatedSkus() {
		assertRefused("O-1", List.of(new StockItem("SKU-A", 1), new StockItem("SKU-B", 1), new StockItem("SKU-A", 1)));
	}

	@Test
	void shouldRefuseEmptyMissingOrTooManyItems() {
		assertRefused("O-1", List.of());
		assertRefused("O-1", null);
		List<StockItem> tooMany = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			tooMany.add(new StockItem("SKU-" + i, 1));
		}
		assertRefused("O-1", tooMany);
		assertThat(StockItems.sortedAndChecked("O-1", tooMany.subList(0, 100))).hasSize(100);
	}

	@Test
	void shouldRefuseQuantitiesOutsideOneToTenThousand() {
		assertRefused("O-1", List.of(new StockItem("SKU-A", 0)));
		assertRefused("O-1", List.of(new StockItem("SKU-A", 10_001)));
		assertRefused("O-1", List.of(new StockItem("SKU-A", null)));
		assertThat(StockItems.sortedAndChecked("O-1", List.of(new StockItem("SKU-A", 10_000)))).hasSize(1);
	}

	@Test
	void shouldRefuseBadSkuIdsAndOrderNumbers() {
		assertRefused("O-1", List.of(new StockItem(" ", 1)));
		assertRefused("O-1", List.of(new StockItem("A".repeat(65), 1)));
		assertRefused("O-1", Arrays.asList(new StockItem("SKU-A", 1), null));
		assertRefused("", List.of(new StockItem("SKU-A", 1)));
		assertRefused(null, List.of(new StockItem("SKU-A", 1)));
		assertRefused("O".repeat(33), List.of(new StockItem("SKU-A", 1)));
	}

	private static void assertRefused(String orderNo, List<StockItem> items) {
		assertThatThrownBy(() -> StockItems.sortedAndChecked(orderNo, items))
			.isInstanceOfSatisfying(BusinessException.class, ex -> {
				assertThat(ex.code()).isEqualTo("VALIDATION_FAILED");
				assertThat(ex.status().value()).isEqualTo(400);
			});
	}

}
