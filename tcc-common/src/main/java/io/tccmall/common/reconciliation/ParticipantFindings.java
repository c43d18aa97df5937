package io.tccmall.common.reconciliation;

import java.util.List;

/**
 * A participant's answer to {@code GET /internal/reconciliation?since=}: its local checks
 * and what it holds for orders (every live holding, and every holding changed since
 * {@code since}).
 */
public record ParticipantFindings(String service, List<CheckResult> checks, List<Holding> holdings) {

}
