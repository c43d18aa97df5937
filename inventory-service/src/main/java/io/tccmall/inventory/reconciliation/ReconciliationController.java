package io.tccmall.inventory.reconciliation;

import java.time.Instant;
import java.util.List;

import io.tccmall.common.reconciliation.ParticipantFindings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only: inventory's own invariants and the reservations order-service's
 * reconciliation compares with the orders. A plain read, so no global transaction is
 * needed; the gateway has no route here.
 */
@RestController
class ReconciliationController {

	private final StockReconciliation stock;

	ReconciliationController(StockReconciliation stock) {
		this.stock = stock;
	}

	@GetMapping("/internal/reconciliation")
	ParticipantFindings findings(@RequestParam Instant since) {
		return new ParticipantFindings("inventory", List.of(this.stock.conservation(), this.stock.reservations()),
				this.stock.holdings(since));
	}

}
