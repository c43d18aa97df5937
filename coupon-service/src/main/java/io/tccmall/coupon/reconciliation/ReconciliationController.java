package io.tccmall.coupon.reconciliation;

import java.time.Instant;
import java.util.List;

import io.tccmall.common.reconciliation.ParticipantFindings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only: coupon's own invariants and the coupons held for orders, which
 * order-service's reconciliation compares with the orders. A plain read, so no global
 * transaction is needed; the gateway has no route here.
 */
@RestController
class ReconciliationController {

	private final CouponReconciliation coupons;

	ReconciliationController(CouponReconciliation coupons) {
		this.coupons = coupons;
	}

	@GetMapping("/internal/reconciliation")
	ParticipantFindings findings(@RequestParam Instant since) {
		return new ParticipantFindings("coupon", List.of(this.coupons.claims(), this.coupons.userCoupons()),
				this.coupons.holdings(since));
	}

}
