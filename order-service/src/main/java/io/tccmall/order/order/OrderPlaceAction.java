package io.tccmall.order.order;

import java.util.List;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * Order's own branch of place-order: the order exists as TRYING until the global
 * transaction decides. Seata's annotations are on the implementation: Seata reads them
 * from the proxied class (#6235).
 */
public interface OrderPlaceAction {

	boolean prepare(BusinessActionContext context, String orderNo, Order order, List<OrderItem> items);

	/** TRYING → AWAITING_PAYMENT. */
	boolean confirm(BusinessActionContext context);

	/** TRYING → CANCELLED. */
	boolean cancel(BusinessActionContext context);

}
