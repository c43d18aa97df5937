package io.tccmall.coupon.usercoupon;

import java.time.Instant;

/** A user coupon as the public API shows it. */
public record CouponView(String couponId, long templateId, String status, long discountCents, long minSpendCents,
		Instant validUntil) {

	public static CouponView of(UserCoupon coupon) {
		return new CouponView(coupon.couponId(), coupon.templateId(), coupon.status(), coupon.discountCents(),
				coupon.minSpendCents(), coupon.validUntil());
	}

}
