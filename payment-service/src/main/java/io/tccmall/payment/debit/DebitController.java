package io.tccmall.payment.debit;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Participant endpoint for order-service; the XID arrives in the TX_XID header. */
@RestController
class DebitController {

	private final WalletDebitAction debit;

	DebitController(WalletDebitAction debit) {
		this.debit = debit;
	}

	@PostMapping("/internal/payments")
	DebitResponse debit(@Valid @RequestBody DebitRequest request) {
		return new DebitResponse(this.debit.prepare(null, request.orderNo(), request.userId(), request.amountCents()));
	}

}
