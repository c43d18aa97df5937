package io.tccmall.inventory.reservation;

/**
 * {@code TRYING -> HELD | CANCELLED} (stock-reserve),
 * {@code HELD -> RELEASING -> RELEASED} or back to {@code HELD} (stock-release),
 * {@code HELD -> SOLD} when the order is paid ({@link StockSales}; {@code TRYING -> SOLD}
 * if the reservation's Confirm is late).
 */
enum ReservationStatus {

	TRYING, HELD, CANCELLED, SOLD, RELEASING, RELEASED;

	/** Nothing of the order's stock is frozen any more, and nothing is on its way. */
	boolean isFinishedWithoutSale() {
		return this == CANCELLED || this == RELEASED;
	}

}
