package io.tccmall.common.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;

/**
 * A test as the TM of the test JVM's Seata TC: begin a global transaction, ask the TC for
 * its status, and wait for what the TC's phase-two retries bring about.
 */
public final class TestTransactions {

	/** Longer than a few of the TC's retry periods (1 s each in the test TC). */
	public static final Duration WAIT = Duration.ofSeconds(30);

	private TestTransactions() {
	}

	/** Begins a global transaction of 30 s and binds its XID to this thread. */
	public static GlobalTransaction begin(String name) throws Exception {
		GlobalTransaction tx = GlobalTransactionContext.getCurrentOrCreate();
		tx.begin(30_000, name);
		return tx;
	}

	/** The TC's status of the global transaction ({@code Finished} once it is gone). */
	public static GlobalStatus tcStatus(String xid) {
		try {
			return GlobalTransactionContext.reload(xid).getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Polls {@code condition} every 100 ms for at most {@link #WAIT}. */
	public static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for: " + what);
			}
			Thread.sleep(100);
		}
	}

}
