package io.tccmall.order.summary;

/** What a shopper has done so far, as far as the order events processed tell. */
public record OrderSummary(String userId, long ordersPlaced, long ordersPaid, long ordersCancelled, long ordersTimedOut,
		long paidCents) {

	static OrderSummary empty(String userId) {
		return new OrderSummary(userId, 0, 0, 0, 0, 0);
	}

}
