package io.tccmall.payment.wallet;

import io.tccmall.common.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WalletController {

	private final WalletMapper wallets;

	private final TopUpService topUps;

	WalletController(WalletMapper wallets, TopUpService topUps) {
		this.wallets = wallets;
		this.topUps = topUps;
	}

	/** The caller's wallet; a user who never had money sees zeros. */
	@GetMapping("/api/wallet")
	WalletView mine(Caller caller) {
		Wallet wallet = this.wallets.find(caller.userId());
		return (wallet != null) ? WalletView.of(wallet) : WalletView.empty(caller.userId());
	}

	@PostMapping("/api/admin/wallets/{userId}/top-ups")
	WalletView topUp(Caller caller, @PathVariable @NotBlank @Size(max = 64) String userId,
			@RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) String idempotencyKey,
			@Valid @RequestBody TopUpRequest request) {
		caller.requireAdmin();
		return this.topUps.topUp(caller.userId(), idempotencyKey, userId, request.amountCents());
	}

}
