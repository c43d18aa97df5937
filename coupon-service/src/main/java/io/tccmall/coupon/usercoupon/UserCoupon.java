package io.tccmall.coupon.usercoupon;

import java.time.Instant;

/**
 * A claimed coupon. {@code AVAILABLE -> LOCKED} (order placed) {@code -> USING -> USED}
 * (order paid), or {@code LOCKED -> RELEASING -> AVAILABLE} (order cancelled);
 * {@code orderNo} is set exactly while the coupon is not AVAILABLE.
 */
public record UserCoupon(String couponId, long templateId, String userId, int claimSeq, String status, String orderNo,
		long discountCents, long minSpendCents, Instant validUntil, Instant createdAt, Instant updatedAt) {

	public static final String AVAILABLE = "AVAILABLE";

	public static final String LOCKED = "LOCKED";

	public static final String USING = "USING";

	public static final String USED = "USED";

	public static final String RELEASING = "RELEASING";

	public boolean heldBy(String orderNo, String... statuses) {
		if (!orderNo.equals(this.orderNo)) {
			return false;
		}
		for (String status : statuses) {
			if (status.equals(this.status)) {
				return true;
			}
		}
		return false;
	}

}
