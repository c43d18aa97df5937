package io.tccmall.order.participant;

import java.util.List;
import java.util.Map;

/**
 * A participant's rows for one order and its {@code tcc_fence_log} rows for the order's
 * XIDs, as the participant's {@code GET /internal/orders/{orderNo}/state} returns them
 * (column name to value; read-only, for the admin lookup).
 */
public record ParticipantState(String participant, String orderNo, List<Map<String, Object>> rows,
		List<Map<String, Object>> fence) {

}
