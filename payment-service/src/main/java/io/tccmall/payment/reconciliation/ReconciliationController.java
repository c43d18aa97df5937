package io.tccmall.payment.reconciliation;

import java.time.Instant;
import java.util.List;

import io.tccmall.common.reconciliation.ParticipantFindings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only: payment's own invariants and the payments order-service's reconciliation
 * compares with the orders. A plain read, so no global transaction is needed; the gateway
 * has no route here.
 */
@RestController
class ReconciliationController {

	private final MoneyReconciliation money;

	ReconciliationController(MoneyReconciliation money) {
		this.money = money;
	}

	@GetMapping("/internal/reconciliation")
	ParticipantFindings findings(@RequestParam Instant since) {
		return new ParticipantFindings("payment",
				List.of(this.money.conservation(), this.money.payments(), this.money.onePaymentPerOrder()),
				this.money.holdings(since));
	}

}
