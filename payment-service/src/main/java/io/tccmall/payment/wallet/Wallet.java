package io.tccmall.payment.wallet;

import java.time.Instant;

/**
 * A user's money in cents: {@code balance + frozen + paid - refunded == toppedUp} (a
 * CHECK on the table keeps it).
 */
public record Wallet(String userId, long balanceCents, long frozenCents, long paidCents, long refundedCents,
		long toppedUpCents, Instant createdAt, Instant updatedAt) {

}
