package io.tccmall.order.reconciliation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tccmall.reconciliation.*}.
 *
 * @param window default look-back for final orders (non-final ones are always checked)
 * @param maxWindow the largest window a caller may ask for
 * @param stuckAfter how long an intermediate state may last before it is a violation
 * @param participantMargin participants report holdings changed this much before the
 * window too, so the holdings of an order changed at the window's edge are not missed
 * @param console the Seata TC console
 */
@ConfigurationProperties("tccmall.reconciliation")
record ReconciliationProperties(@DefaultValue("24h") Duration window, @DefaultValue("7d") Duration maxWindow,
		@DefaultValue("60s") Duration stuckAfter, @DefaultValue("1h") Duration participantMargin,
		@DefaultValue Console console) {

	record Console(@DefaultValue("http://127.0.0.1:7091") String url, @DefaultValue("seata") String username,
			String password, @DefaultValue("5s") Duration timeout) {

	}

}
