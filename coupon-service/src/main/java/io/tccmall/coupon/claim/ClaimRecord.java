package io.tccmall.coupon.claim;

import java.time.Instant;

/** A claim request already handled: its key, what it asked for, and the coupon it got. */
record ClaimRecord(String userId, String idempotencyKey, String requestHash, String couponId, Instant createdAt) {

}
