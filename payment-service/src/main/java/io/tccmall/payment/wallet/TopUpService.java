package io.tccmall.payment.wallet;

import io.tccmall.common.web.BusinessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin top-ups. The idempotency key, the wallet credit and the recorded answer commit
 * together, so a replay can neither apply twice nor see a half-done top-up.
 */
@Service
class TopUpService {

	private static final Logger log = LoggerFactory.getLogger(TopUpService.class);

	private final TopUpMapper topUps;

	private final WalletMapper wallets;

	TopUpService(TopUpMapper topUps, WalletMapper wallets) {
		this.topUps = topUps;
		this.wallets = wallets;
	}

	@Transactional
	WalletView topUp(String requestedBy, String idempotencyKey, String userId, long amountCents) {
		TopUp previous = this.topUps.find(requestedBy, idempotencyKey);
		if (previous == null) {
			if (this.topUps.claimKey(requestedBy, idempotencyKey, userId, amountCents) == 1) {
				return apply(requestedBy, idempotencyKey, userId, amountCents);
			}
			previous = this.topUps.find(requestedBy, idempotencyKey);
			if (previous == null) {
				throw new IllegalStateException("top-up key " + idempotencyKey + " neither inserted nor found");
			}
		}
		if (!previous.userId().equals(userId) || previous.amountCents() != amountCents) {
			throw BusinessException.unprocessable("IDEMPOTENCY_KEY_REUSED",
					"This Idempotency-Key was already used for a different top-up");
		}
		return new WalletView(previous.userId(), previous.balanceAfterCents(), previous.frozenAfterCents());
	}

	private WalletView apply(String requestedBy, String idempotencyKey, String userId, long amountCents) {
		this.wallets.createIfMissing(userId);
		this.wallets.topUp(userId, amountCents);
		Wallet wallet = this.wallets.find(userId);
		this.topUps.recordResult(requestedBy, idempotencyKey, wallet.balanceCents(), wallet.frozenCents());
		log.info("top-up of {} cents for {} by {} (key {})", amountCents, userId, requestedBy, idempotencyKey);
		return WalletView.of(wallet);
	}

}
