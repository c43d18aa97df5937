package io.tccmall.inventory.reservation;

/**
 * {@code TRYING -> HELD | CANCELLED} (stock-reserve), {@code HELD -> SELLING -> SOLD} or
 * back to {@code HELD} (stock-sell), {@code HELD -> RELEASING -> RELEASED} or back to
 * {@code HELD} (stock-release).
 */
enum ReservationStatus {

	TRYING, HELD, CANCELLED, SELLING, SOLD, RELEASING, RELEASED;

	/** Nothing of the order's stock is frozen any more, and nothing is on its way. */
	boolean isFinishedWithoutSale() {
		return this == CANCELLED || this == RELEASED;
	}

}
