package io.tccmall.coupon.template;

import java.time.Instant;

record TemplateView(long id, String name, long discountCents, long minSpendCents, int totalCount, int claimedCount,
		int perUserLimit, Instant validFrom, Instant validUntil) {

	static TemplateView of(CouponTemplate t) {
		return new TemplateView(t.id(), t.name(), t.discountCents(), t.minSpendCents(), t.totalCount(),
				t.claimedCount(), t.perUserLimit(), t.validFrom(), t.validUntil());
	}

}
