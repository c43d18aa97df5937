package io.tccmall.order.order;

public enum OrderStatus {

	/** Place-order Try done; the global transaction has not finished. */
	TRYING,
	/** Placed: stock held, coupon locked, waiting for payment until expire_at. */
	AWAITING_PAYMENT,
	/** Pay Try done; the payment's global transaction has not finished. */
	PAYING, PAID,
	/** Cancel Try done; the release's global transaction has not finished. */
	CANCELLING, CANCELLED;

	public boolean isFinal() {
		return this == PAID || this == CANCELLED;
	}

}
