package io.tccmall.payment.wallet;

/** The wallet as the public API shows it. */
public record WalletView(String userId, long balanceCents, long frozenCents) {

	static WalletView of(Wallet wallet) {
		return new WalletView(wallet.userId(), wallet.balanceCents(), wallet.frozenCents());
	}

	static WalletView empty(String userId) {
		return new WalletView(userId, 0, 0);
	}

}
