package io.tccmall.payment.debit;

import java.time.Instant;

/**
 * One wallet-debit Try and its outcome; {@code xid} is the global transaction it ran in.
 */
record Payment(String paymentNo, String orderNo, String userId, long amountCents, String status, String xid,
		Instant createdAt, Instant updatedAt) {

	static final String TRYING = "TRYING";

	static final String SUCCEEDED = "SUCCEEDED";

	static final String CANCELLED = "CANCELLED";

}
