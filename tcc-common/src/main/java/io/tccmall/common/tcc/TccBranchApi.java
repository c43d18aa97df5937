package io.tccmall.common.tcc;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every Seata participant's endpoints for the branches of global transactions the TC has
 * forgotten (its session store lost in a crash): nothing will ever send them phase two.
 * Service callers only ({@code /internal/**}); order-service, which records every global
 * transaction's decision on its orders, drives the repair. One contract: the participants
 * serve it ({@link TccBranchController}) and order-service's Feign clients extend it.
 */
public interface TccBranchApi {

	/**
	 * Branches still TRIED (Try done, no phase two) whose Try is older than
	 * {@code olderThanSeconds}, oldest first.
	 */
	@GetMapping("/internal/tcc/branches")
	List<TriedBranch> triedBranches(@RequestParam("olderThanSeconds") long olderThanSeconds,
			@RequestParam("limit") int limit);

	/**
	 * Runs phase two on every TRIED branch of the transaction, through Seata's fence as
	 * the TC would; refused with 409 {@code TRANSACTION_NOT_FORGOTTEN} while the TC knows
	 * it.
	 */
	@PostMapping("/internal/tcc/branches/settlements")
	List<SettledBranch> settle(@RequestBody BranchSettlement settlement);

	/** A fence row in status TRIED. */
	record TriedBranch(String xid, long branchId, String actionName) {
	}

	/**
	 * @param context the action context phase two reads (e.g. {@code orderNo},
	 * {@code couponId}), which the TC would have sent
	 */
	record BranchSettlement(String xid, Decision decision, Map<String, String> context) {
	}

	/** One branch's phase two: {@code result} is Seata's branch status after it. */
	record SettledBranch(String xid, long branchId, String actionName, String result) {
	}

	enum Decision {

		COMMIT, ROLLBACK

	}

}
