package io.tccmall.common.reconciliation;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a participant holds for one order, for order-service's admin lookup: its own rows
 * of the order and the {@code tcc_fence_log} rows of the order's global transactions.
 */
public record ParticipantOrderState(String participant, String orderNo, List<Map<String, Object>> rows,
		List<Map<String, Object>> fence) {

	/**
	 * Reads the state with the participant's own query of its rows (named parameters
	 * bound by {@code rowQuery}) and the fence rows of {@code xids}.
	 */
	public static ParticipantOrderState read(JdbcClient jdbc, String participant, String orderNo,
			JdbcClient.StatementSpec rowQuery, List<String> xids) {
		List<Map<String, Object>> fence = (xids == null || xids.isEmpty()) ? List.of()
				: jdbc.sql("SELECT * FROM tcc_fence_log WHERE xid IN (:xids) ORDER BY gmt_create")
					.param("xids", xids)
					.query()
					.listOfRows();
		return new ParticipantOrderState(participant, orderNo, rowQuery.query().listOfRows(), fence);
	}

}
