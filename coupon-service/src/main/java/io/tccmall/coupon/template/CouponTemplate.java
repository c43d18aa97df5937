package io.tccmall.coupon.template;

import java.time.Instant;

public record CouponTemplate(long id, String name, long discountCents, long minSpendCents, int totalCount,
		int claimedCount, int perUserLimit, Instant validFrom, Instant validUntil, Instant createdAt) {

	public boolean claimableAt(Instant instant) {
		return !instant.isBefore(this.validFrom) && !instant.isAfter(this.validUntil);
	}

}
