package io.tccmall.payment.debit;

import java.time.Instant;

import io.tccmall.common.id.Ids;
import io.tccmall.common.outbox.Outbox;
import io.tccmall.common.web.BusinessException;
import io.tccmall.payment.api.PaymentEvents;
import io.tccmall.payment.api.PaymentSucceeded;
import io.tccmall.payment.wallet.WalletMapper;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public, with the Seata annotations here: Seata reads the action-context parameters from
 * the proxied class's method and invokes confirm/cancel reflectively on this class.
 */
@Component
@LocalTCC
public class WalletDebitActionImpl implements WalletDebitAction {

	private static final Logger log = LoggerFactory.getLogger(WalletDebitActionImpl.class);

	private final PaymentMapper payments;

	private final WalletMapper wallets;

	private final Outbox outbox;

	WalletDebitActionImpl(PaymentMapper payments, WalletMapper wallets, Outbox outbox) {
		this.payments = payments;
		this.wallets = wallets;
		this.outbox = outbox;
	}

	@Override
	@Transactional
	@TwoPhaseBusinessAction(name = "wallet-debit", commitMethod = "confirm", rollbackMethod = "cancel",
			useTCCFence = true)
	public String prepare(BusinessActionContext ctx,
			@BusinessActionContextParameter(paramName = "orderNo") String orderNo, String userId, long amountCents) {
		String xid = (ctx != null) ? ctx.getXid() : RootContext.getXID();
		if (xid == null || xid.isBlank()) {
			// without a coordinator nobody would ever confirm or cancel the frozen money
			throw BusinessException.badRequest("TRANSACTION_REQUIRED",
					"A debit must run inside a global transaction (TX_XID header)");
		}
		Payment live = this.payments.findActive(orderNo);
		if (live != null) {
			return sameTry(live, xid, userId, amountCents);
		}
		String paymentNo = Ids.next();
		try {
			this.payments.insertTrying(paymentNo, orderNo, userId, amountCents, xid);
		}
		catch (DuplicateKeyException race) {
			// another Try for this order committed first (its insert made this one wait)
			live = this.payments.findActive(orderNo);
			if (live == null) {
				throw BusinessException.conflict("REQUEST_IN_PROGRESS",
						"Another payment of this order is being processed; try again shortly");
			}
			return sameTry(live, xid, userId, amountCents);
		}
		if (amountCents == 0) {
			// an order a coupon or a price of 0 leaves nothing to pay: its payment of 0
			// is its receipt, and every
			// payment has a wallet (a shopper who never topped up gets an empty one)
			this.wallets.createIfMissing(userId);
		}
		if (this.wallets.freeze(userId, amountCents) == 0) {
			throw BusinessException.conflict("INSUFFICIENT_BALANCE",
					"The wallet balance does not cover " + amountCents + " cents");
		}
		log.info("wallet-debit try: payment {} order {} user {} amount {}", paymentNo, orderNo, userId, amountCents);
		return paymentNo;
	}

	/** A repeated Try of the same global transaction gets its payment back. */
	private static String sameTry(Payment live, String xid, String userId, long amountCents) {
		if (Payment.TRYING.equals(live.status()) && xid.equals(live.xid()) && live.userId().equals(userId)
				&& live.amountCents() == amountCents) {
			return live.paymentNo();
		}
		throw BusinessException.conflict("ALREADY_PAID",
				"Order " + live.orderNo() + " already has a payment (" + live.status() + ")");
	}

	@Override
	@Transactional
	public boolean confirm(BusinessActionContext ctx) {
		String orderNo = ctx.getActionContext("orderNo", String.class);
		for (Payment payment : this.payments.findTrying(orderNo, ctx.getXid())) {
			if (this.payments.transition(payment.paymentNo(), Payment.TRYING, Payment.SUCCEEDED) == 1) {
				if (this.wallets.settleFrozen(payment.userId(), payment.amountCents()) != 1) {
					throw new IllegalStateException("wallet of " + payment.userId()
							+ " has less frozen money than payment " + payment.paymentNo());
				}
				this.outbox.append(PaymentEvents.TOPIC, orderNo, payment.paymentNo(),
						new PaymentSucceeded(payment.paymentNo(), PaymentSucceeded.SCHEMA_VERSION, Instant.now(),
								payment.paymentNo(), orderNo, payment.userId(), payment.amountCents()));
				log.info("wallet-debit confirm: payment {} order {} succeeded", payment.paymentNo(), orderNo);
			}
		}
		return true;
	}

	@Override
	@Transactional
	public boolean cancel(BusinessActionContext ctx) {
		String orderNo = ctx.getActionContext("orderNo", String.class);
		for (Payment payment : this.payments.findTrying(orderNo, ctx.getXid())) {
			if (this.payments.transition(payment.paymentNo(), Payment.TRYING, Payment.CANCELLED) == 1) {
				if (this.wallets.unfreeze(payment.userId(), payment.amountCents()) != 1) {
					throw new IllegalStateException("wallet of " + payment.userId()
							+ " has less frozen money than payment " + payment.paymentNo());
				}
				log.info("wallet-debit cancel: payment {} order {} cancelled", payment.paymentNo(), orderNo);
			}
		}
		return true;
	}

}
