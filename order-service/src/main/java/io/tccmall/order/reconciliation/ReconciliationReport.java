package io.tccmall.order.reconciliation;

import java.time.Instant;
import java.util.List;

import io.tccmall.common.reconciliation.CheckResult;

/**
 * The answer of {@code GET /api/admin/reconciliation}: ok when every check is.
 *
 * @param window how far back final orders were checked (ISO-8601 duration)
 */
public record ReconciliationReport(boolean ok, Instant checkedAt, String window, List<CheckResult> checks) {

	static ReconciliationReport of(Instant checkedAt, String window, List<CheckResult> checks) {
		return new ReconciliationReport(checks.stream().allMatch(CheckResult::ok), checkedAt, window, checks);
	}

}
