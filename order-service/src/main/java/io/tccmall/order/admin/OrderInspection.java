package io.tccmall.order.admin;

import java.util.List;

import io.tccmall.order.checkout.OrderView;
import io.tccmall.common.reconciliation.ParticipantOrderState;

/**
 * What an admin sees of one order: the order, the XIDs of its global transactions, what
 * the TC still holds of them, each participant's rows and fence rows for them, and the
 * admin actions taken on it.
 *
 * @param transactions the order's global transactions; {@code tcStatus} null means the TC
 * holds no session for it (finished, or never begun)
 * @param tcError why the TC could not be asked, or null
 * @param participants one entry per participant that could be asked
 * @param participantErrors why a participant could not be asked
 */
record OrderInspection(OrderView order, List<Transaction> transactions, String tcError,
		List<ParticipantOrderState> participants, List<String> participantErrors, List<AdminAudit.Entry> audit) {

	/**
	 * @param kind place, pay or cancel
	 */
	record Transaction(String kind, String xid, Integer tcStatus, String tcStatusName, Long beginTime) {
	}

}
