package io.tccmall.payment.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tccmall.common.outbox.OutboxLag;
import io.tccmall.common.reconciliation.ParticipantFindings;

import org.springframework.jdbc.core.JdbcTemplate;
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

	// PaymentSucceeded events may wait this long for Kafka before the check fails
	private static final Duration OUTBOX_LAG_LIMIT = Duration.ofSeconds(60);

	private final MoneyReconciliation money;

	private final JdbcTemplate jdbc;

	ReconciliationController(MoneyReconciliation money, JdbcTemplate jdbc) {
		this.money = money;
		this.jdbc = jdbc;
	}

	@GetMapping("/internal/reconciliation")
	ParticipantFindings findings(@RequestParam Instant since) {
		return new ParticipantFindings("payment",
				List.of(this.money.conservation(), this.money.payments(), this.money.onePaymentPerOrder(),
						OutboxLag.check("payment.outbox-lag", this.jdbc, OUTBOX_LAG_LIMIT)),
				this.money.holdings(since));
	}

}
