package io.tccmall.inventory.reservation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tccmall.common.web.BusinessException;

/**
 * Checks what a stock-reserve Try is asked for, whoever calls it (the web layer validates
 * too, but the action must not trust its caller), and puts the items in sku order: every
 * transaction locks product rows in that order, so two orders never deadlock.
 */
final class StockItems {

	static final int MAX_ORDER_NO_LENGTH = 32;

	static final int MAX_SKU_ID_LENGTH = 64;

	static final int MAX_ITEMS = 100;

	static final int MAX_QUANTITY = 10_000;

	private StockItems() {
	}

	static void checkOrderNo(String orderNo) {
		if (orderNo == null || orderNo.isBlank() || orderNo.length() > MAX_ORDER_NO_LENGTH) {
			throw invalid("orderNo must be 1.." + MAX_ORDER_NO_LENGTH + " characters");
		}
	}

	/** The items sorted by sku; duplicated skus are refused rather than guessed at. */
	static List<StockItem> sortedAndChecked(String orderNo, List<StockItem> items) {
		checkOrderNo(orderNo);
		if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
			throw invalid("items must hold 1.." + MAX_ITEMS + " skus");
		}
		Set<String> seen = new HashSet<>();
		for (StockItem item : items) {
			if (item == null || item.skuId() == null || item.skuId().isBlank()
					|| item.skuId().length() > MAX_SKU_ID_LENGTH) {
				throw invalid("every item needs a skuId of 1.." + MAX_SKU_ID_LENGTH + " characters");
			}
			if (item.quantity() == null || item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
				throw invalid("quantity of " + item.skuId() + " must be 1.." + MAX_QUANTITY);
			}
			if (!seen.add(item.skuId())) {
				throw invalid("skuId " + item.skuId() + " appears more than once");
			}
		}
		List<StockItem> sorted = new ArrayList<>(items);
		sorted.sort(Comparator.comparing(StockItem::skuId));
		return List.copyOf(sorted);
	}

	private static BusinessException invalid(String detail) {
		return BusinessException.badRequest("VALIDATION_FAILED", detail);
	}

}
