package io.tccmall.order.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.tccmall.common.reconciliation.CheckResult;
import io.tccmall.common.reconciliation.Holding;
import io.tccmall.common.reconciliation.ParticipantFindings;
import io.tccmall.order.participant.Participants;

import org.springframework.stereotype.Service;

/**
 * One reconciliation run, read-only: the participants' own checks, then every
 * {@link ReconciliationCheck} over one {@link Snapshot}. A participant that cannot be
 * asked makes the run fail with 503 {@code SERVICE_UNAVAILABLE} (from
 * {@link Participants}).
 */
@Service
public class Reconciliation {

	private final Participants participants;

	private final OrderScope orders;

	private final List<ReconciliationCheck> checks;

	private final ReconciliationProperties properties;

	private final Clock clock;

	Reconciliation(Participants participants, OrderScope orders, List<ReconciliationCheck> checks,
			ReconciliationProperties properties, Clock clock) {
		this.participants = participants;
		this.orders = orders;
		this.checks = checks;
		this.properties = properties;
		this.clock = clock;
	}

	public ReconciliationReport run(Duration window) {
		Instant now = this.clock.instant();
		Instant since = now.minus(window);
		Instant participantsSince = since.minus(this.properties.participantMargin());
		ParticipantFindings inventory = this.participants.inventoryFindings(participantsSince);
		ParticipantFindings payment = this.participants.paymentFindings(participantsSince);
		ParticipantFindings coupon = this.participants.couponFindings(participantsSince);
		List<String> heldFor = Stream.of(inventory, payment, coupon)
			.flatMap(f -> f.holdings().stream())
			.map(Holding::orderNo)
			.toList();
		Snapshot snapshot = new Snapshot(now, since, this.properties.stuckAfter(), this.orders.load(since, heldFor),
				inventory.holdings(), payment.holdings(), coupon.holdings());
		List<CheckResult> results = new ArrayList<>();
		Stream.of(inventory, payment, coupon).forEach(f -> results.addAll(f.checks()));
		this.checks.forEach(check -> results.add(check.check(snapshot)));
		return ReconciliationReport.of(now, window.toString(), results);
	}

}
