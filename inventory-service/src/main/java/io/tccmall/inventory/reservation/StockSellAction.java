package io.tccmall.inventory.reservation;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * TCC action {@code stock-sell}, part of paying an order: Try {@code HELD -> SELLING};
 * Confirm {@code SELLING -> SOLD} with {@code frozen -> sold}; Cancel
 * {@code SELLING -> HELD}. Seata's annotations are on the implementation,
 * {@link StockSellTccAction}.
 */
public interface StockSellAction {

	String NAME = "stock-sell";

	/**
	 * @throws io.tccmall.common.web.BusinessException 409
	 * {@code ILLEGAL_RESERVATION_STATE} when the order holds no {@code HELD} reservation
	 */
	boolean prepare(BusinessActionContext ctx, String orderNo);

	boolean confirm(BusinessActionContext ctx);

	boolean cancel(BusinessActionContext ctx);

}
