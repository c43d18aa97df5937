package io.tccmall.inventory.reservation;

import java.util.List;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * TCC action {@code stock-reserve}: one branch for all skus of an order. Try moves each
 * quantity from available to frozen and records a {@code TRYING} reservation per (order,
 * sku); Confirm makes them {@code HELD}; Cancel gives the frozen quantity back. Seata's
 * annotations are on the implementation, {@link StockReserveTccAction}.
 */
public interface StockReserveAction {

	String NAME = "stock-reserve";

	/**
	 * Reserves every item or nothing. Callers pass {@code null} for the context (Seata
	 * fills it in). With a {@code saleId} the one item is taken from that flash sale's
	 * units, at its price, instead of the normal stock.
	 * @throws io.tccmall.common.web.BusinessException 404 {@code SKU_NOT_FOUND}, 409
	 * {@code OUT_OF_STOCK}, 409 {@code ILLEGAL_RESERVATION_STATE} (the order's
	 * reservation has moved on), 400 {@code VALIDATION_FAILED}, 404
	 * {@code FLASH_SALE_NOT_FOUND}
	 */
	ReservedStock prepare(BusinessActionContext ctx, String orderNo, List<StockItem> items, String saleId);

	boolean confirm(BusinessActionContext ctx);

	boolean cancel(BusinessActionContext ctx);

}
