package io.tccmall.coupon.checkout;

record LockResponse(String couponId, long discountCents) {

}
