package io.tccmall.order.reconciliation;

import io.tccmall.common.outbox.OutboxLag;
import io.tccmall.common.reconciliation.CheckResult;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The order events' outbox: nothing waits longer than {@code stuckAfter} for Kafka. */
@Component
@Order(60)
class OutboxLagCheck implements ReconciliationCheck {

	private final JdbcTemplate jdbc;

	OutboxLagCheck(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public CheckResult check(Snapshot snapshot) {
		return OutboxLag.check("order-outbox-lag", this.jdbc, snapshot.stuckAfter());
	}

}
