package io.tccmall.order.checkout;

import org.apache.seata.core.model.GlobalStatus;

/** What is known about the outcome of an order's place or pay global transaction. */
enum Outcome {

	COMMITTED, ROLLED_BACK,
	/** Not decided yet, or nobody who knows could be asked: look again later. */
	UNDECIDED,
	/** The TC finished the transaction and forgot it: its participants' rows tell. */
	FORGOTTEN;

	static Outcome of(GlobalStatus status) {
		return switch (status) {
			case Committing, CommitRetrying, AsyncCommitting, Committed, CommitFailed, CommitRetryTimeout,
					StopCommitOrCommitRetry ->
				COMMITTED;
			case Rollbacking, RollbackRetrying, TimeoutRollbacking, TimeoutRollbackRetrying, Rollbacked, RollbackFailed,
					TimeoutRollbacked, TimeoutRollbackFailed, RollbackRetryTimeout, StopRollbackOrRollbackRetry ->
				ROLLED_BACK;
			case Finished -> FORGOTTEN;
			case UnKnown, Begin, Deleting -> UNDECIDED;
		};
	}

}
