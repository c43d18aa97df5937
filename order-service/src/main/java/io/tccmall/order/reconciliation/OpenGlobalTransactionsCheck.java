package io.tccmall.order.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tccmall.common.reconciliation.CheckResult;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Global transactions the TC still holds, from the Seata console: open longer than
 * {@code stuckAfter} is a violation (a Confirm or Cancel keeps failing); a console that
 * cannot be asked makes the check unknown, which fails too.
 */
@Component
@Order(50)
class OpenGlobalTransactionsCheck implements ReconciliationCheck {

	static final String NAME = "tc-open-global-transactions";

	private final TcConsole console;

	OpenGlobalTransactionsCheck(TcConsole console) {
		this.console = console;
	}

	@Override
	public CheckResult check(Snapshot snapshot) {
		List<TcConsole.GlobalSession> sessions;
		try {
			sessions = this.console.openSessions();
		}
		catch (TcConsole.Unavailable ex) {
			return CheckResult.unknown(NAME, ex.getMessage());
		}
		Findings findings = new Findings();
		for (TcConsole.GlobalSession session : sessions) {
			Instant began = Instant.ofEpochMilli(session.beginTime());
			findings.add(snapshot.young(began),
					"global transaction %s (%s from %s, status %s) open for %s since %s".formatted(session.xid(),
							session.transactionName(), session.applicationId(), session.statusName(),
							Duration.between(began, snapshot.now()).withNanos(0), began));
		}
		findings.detail("open", sessions.size());
		return findings.result(NAME);
	}

}
