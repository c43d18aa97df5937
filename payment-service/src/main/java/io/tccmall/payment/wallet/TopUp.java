package io.tccmall.payment.wallet;

import java.time.Instant;

/** One applied admin top-up and the wallet it left behind (the replay answer). */
record TopUp(long id, String userId, String requestedBy, String idempotencyKey, long amountCents,
		Long balanceAfterCents, Long frozenAfterCents, Instant createdAt) {

}
