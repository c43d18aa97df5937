package io.tccmall.order.reconciliation;

import io.tccmall.common.reconciliation.CheckResult;

/**
 * One invariant checked across the services. Every bean of this type is part of the
 * report, in {@link org.springframework.core.annotation.Order} order; a new check (e.g.
 * outbox lag) is one more such bean.
 */
public interface ReconciliationCheck {

	CheckResult check(Snapshot snapshot);

}
