package io.tccmall.order.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tccmall.order.order.Order;
import io.tccmall.order.participant.Participants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether any branch of a global transaction ran its Confirm, read from the fence rows of
 * every resource manager that can hold one (order-service's own included). Once the TC
 * has forgotten a transaction, one committed branch means phase two had begun as a
 * commit: the rest must be confirmed too.
 */
@Component
class BranchEvidence {

	private static final String COMMITTED = "2";

	private final Participants participants;

	private final JdbcClient jdbc;

	BranchEvidence(Participants participants, JdbcClient jdbc) {
		this.participants = participants;
		this.jdbc = jdbc;
	}

	/**
	 * @throws RuntimeException when a participant cannot be asked
	 */
	boolean anyBranchCommitted(Order order, String xid) {
		String orderNo = order.getOrderNo();
		List<Map<String, Object>> fence = new ArrayList<>();
		fence.addAll(this.participants.inventoryState(orderNo, List.of(xid)).fence());
		fence.addAll(this.participants.paymentState(orderNo, List.of(xid)).fence());
		if (order.getCouponId() != null) {
			fence.addAll(this.participants.couponState(orderNo, List.of(xid), order.getCouponId()).fence());
		}
		fence.addAll(this.jdbc.sql("SELECT status FROM tcc_fence_log WHERE xid = ?").param(xid).query().listOfRows());
		return fence.stream().anyMatch(row -> COMMITTED.equals(String.valueOf(row.get("status"))));
	}

}
