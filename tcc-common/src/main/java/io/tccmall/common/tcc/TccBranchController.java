package io.tccmall.common.tcc;

import java.util.List;

import org.springframework.web.bind.annotation.RestController;

/** {@link TccBranchApi} served from this service's fence table. */
@RestController
public class TccBranchController implements TccBranchApi {

	private final TccBranches branches;

	public TccBranchController(TccBranches branches) {
		this.branches = branches;
	}

	@Override
	public List<TriedBranch> triedBranches(long olderThanSeconds, int limit) {
		return this.branches.triedBranches(olderThanSeconds, limit);
	}

	@Override
	public List<SettledBranch> settle(BranchSettlement settlement) {
		return this.branches.settle(settlement);
	}

}
