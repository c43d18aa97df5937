package io.tccmall.order.checkout;

import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransactionContext;

import org.springframework.stereotype.Component;

/** The TC's answer about one global transaction, over the TM's RPC channel. */
@Component
class TransactionStatuses {

	/**
	 * The transaction's status; {@link GlobalStatus#Finished} when the TC holds no
	 * session for it (it finished and was forgotten).
	 * @throws TransactionException when the TC cannot be asked
	 */
	GlobalStatus of(String xid) throws TransactionException {
		return GlobalTransactionContext.reload(xid).getStatus();
	}

}
