package io.tccmall.payment.debit;

import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * TCC action {@code wallet-debit}. Try freezes the amount and records a TRYING payment
 * (at most one live payment per order); Confirm turns the frozen money into paid money;
 * Cancel gives it back. Phase two finds the payment by order number and global
 * transaction id.
 * <p>
 * The Seata annotations sit on the implementation, not here: the implementation is a
 * CGLIB proxy (it is {@code @Transactional}), Seata 2.5 reads
 * {@code @BusinessActionContextParameter} from the invoked class method, and parameters
 * annotated only on the interface never reach the action context (phase two would see no
 * {@code orderNo}).
 */
public interface WalletDebitAction {

	/**
	 * @param ctx {@code null} from callers; Seata's proxy supplies it
	 * @return the payment number; the same one when this global transaction already
	 * debited the order
	 */
	String prepare(BusinessActionContext ctx, String orderNo, String userId, long amountCents);

	boolean confirm(BusinessActionContext ctx);

	boolean cancel(BusinessActionContext ctx);

}
