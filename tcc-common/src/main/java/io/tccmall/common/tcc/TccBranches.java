package io.tccmall.common.tcc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tccmall.common.tcc.TccBranchApi.BranchSettlement;
import io.tccmall.common.tcc.TccBranchApi.Decision;
import io.tccmall.common.tcc.TccBranchApi.SettledBranch;
import io.tccmall.common.tcc.TccBranchApi.TriedBranch;
import io.tccmall.common.web.BusinessException;
import org.apache.seata.common.Constants;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.BranchStatus;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.rm.DefaultResourceManager;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The TRIED branches of this service, and phase two for those of a transaction the TC has
 * forgotten. Phase two goes through Seata's own resource manager with the action context
 * rebuilt from {@code context}, so the fence does what it does for the TC: the branch's
 * business Confirm or Cancel and its fence row's move from TRIED happen in one local
 * transaction, once. {@code tccmall.tcc.forgotten-branches} counts them by action,
 * decision and result (settled, or failed: the participant will be asked again).
 */
public class TccBranches {

	private static final Logger log = LoggerFactory.getLogger(TccBranches.class);

	private static final int TRIED = 1;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final MeterRegistry meters;

	private final Clock clock;

	public TccBranches(JdbcClient jdbc, ObjectMapper json, MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.meters = meters;
		this.clock = clock;
	}

	public List<TriedBranch> triedBranches(long olderThanSeconds, int limit) {
		// gmt_create is written by Seata from this JVM's clock, so it is compared with it
		Timestamp before = Timestamp.from(Instant.now(this.clock).minusSeconds(olderThanSeconds));
		return this.jdbc
			.sql("SELECT xid, branch_id, action_name FROM tcc_fence_log WHERE status = ? AND gmt_create < ?"
					+ " ORDER BY gmt_create LIMIT ?")
			.params(TRIED, before, Math.max(1, Math.min(limit, 1_000)))
			.query((rs, row) -> new TriedBranch(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.list();
	}

	public List<SettledBranch> settle(BranchSettlement settlement) {
		String xid = settlement.xid();
		GlobalStatus status = tcStatus(xid);
		if (status != GlobalStatus.Finished) {
			throw BusinessException.conflict("TRANSACTION_NOT_FORGOTTEN",
					"The TC still holds global transaction " + xid + " (" + status + "): it sends phase two itself");
		}
		String applicationData = applicationData(settlement.context());
		return this.jdbc.sql("SELECT branch_id, action_name FROM tcc_fence_log WHERE xid = ? AND status = ?")
			.params(xid, TRIED)
			.query((rs, row) -> phaseTwo(xid, rs.getLong(1), rs.getString(2), settlement.decision(), applicationData))
			.list();
	}

	private SettledBranch phaseTwo(String xid, long branchId, String action, Decision decision,
			String applicationData) {
		BranchStatus result;
		try {
			result = (decision == Decision.COMMIT)
					? DefaultResourceManager.get().branchCommit(BranchType.TCC, xid, branchId, action, applicationData)
					: DefaultResourceManager.get()
						.branchRollback(BranchType.TCC, xid, branchId, action, applicationData);
		}
		catch (TransactionException ex) {
			throw new IllegalStateException("phase two of branch " + branchId + " of " + xid + " failed", ex);
		}
		log.warn("branch {} ({}) of global transaction {}, which the TC has forgotten: {} gave {}", branchId, action,
				xid, decision, result);
		boolean settled = result == BranchStatus.PhaseTwo_Committed || result == BranchStatus.PhaseTwo_Rollbacked;
		counter(action, decision, settled).increment();
		return new SettledBranch(xid, branchId, action, result.name());
	}

	/** Every counter at zero, so that the series exist before the first repair. */
	void registerMeters(List<String> actions) {
		for (String action : actions) {
			for (Decision decision : Decision.values()) {
				counter(action, decision, true);
				counter(action, decision, false);
			}
		}
	}

	private Counter counter(String action, Decision decision, boolean settled) {
		return this.meters.counter("tccmall.tcc.forgotten-branches", "action", action, "decision",
				decision.name().toLowerCase(), "result", settled ? "settled" : "failed");
	}

	private String applicationData(Map<String, String> context) {
		Map<String, Object> actionContext = new HashMap<>((context != null) ? context : Map.of());
		actionContext.put(Constants.USE_COMMON_FENCE, true);
		try {
			return this.json.writeValueAsString(Map.of(Constants.TX_ACTION_CONTEXT, actionContext));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("action context " + context, ex);
		}
	}

	private static GlobalStatus tcStatus(String xid) {
		try {
			return GlobalTransactionContext.reload(xid).getStatus();
		}
		catch (TransactionException ex) {
			throw new BusinessException(HttpStatus.SERVICE_UNAVAILABLE, "TC_UNAVAILABLE",
					"The TC cannot be asked about " + xid);
		}
	}

}
