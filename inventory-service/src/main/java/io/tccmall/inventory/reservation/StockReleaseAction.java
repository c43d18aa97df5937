package io.tccmall.inventory.reservation;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * TCC action {@code stock-release}, part of cancelling an unpaid order: Try
 * {@code HELD -> RELEASING}; Confirm {@code RELEASING -> RELEASED} with
 * {@code frozen -> available}; Cancel {@code RELEASING -> HELD}. Seata's annotations are
 * on the implementation, {@link StockReleaseTccAction}.
 */
public interface StockReleaseAction {

	String NAME = "stock-release";

	/**
	 * A no-op when the order's stock is already given back (or was never reserved).
	 * @throws io.tccmall.common.web.BusinessException 409
	 * {@code ILLEGAL_RESERVATION_STATE} when nothing is {@code HELD} but a reservation is
	 * still on its way somewhere ({@code TRYING}, {@code RELEASING}) or sold
	 */
	boolean prepare(BusinessActionContext ctx, String orderNo);

	boolean confirm(BusinessActionContext ctx);

	boolean cancel(BusinessActionContext ctx);

}
