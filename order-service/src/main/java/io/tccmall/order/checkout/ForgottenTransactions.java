package io.tccmall.order.checkout;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.tccmall.common.tcc.TccBranchApi.BranchSettlement;
import io.tccmall.common.tcc.TccBranchApi.Decision;
import io.tccmall.common.tcc.TccBranchApi.SettledBranch;
import io.tccmall.common.tcc.TccBranchApi.TriedBranch;
import io.tccmall.common.tcc.TccBranches;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderMapper;
import io.tccmall.order.participant.Participants;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.GlobalStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Repairs the branches of global transactions that the TC has forgotten (its session
 * store lost in a crash, issue 20 finding 4): a branch TRIED for longer than
 * {@code tccmall.order.repair.after} whose XID the TC no longer holds will never get
 * phase two from it. order-service recorded every decision on the order that names the
 * XID, so it decides ({@link #decide}) and has every resource manager holding such a
 * branch run phase two through Seata's fence ({@code TccBranchApi}). While the order
 * itself waits for its outcome (TRYING, PAYING), the recovery scan settles it first.
 */
@Component
class ForgottenTransactions {

	private static final Logger log = LoggerFactory.getLogger(ForgottenTransactions.class);

	private static final String SELF = "order";

	private final Participants participants;

	private final TccBranches ownBranches;

	private final TransactionStatuses tc;

	private final OrderMapper orders;

	private final BranchEvidence evidence;

	private final Duration after;

	private final int batchSize;

	ForgottenTransactions(Participants participants, TccBranches ownBranches, TransactionStatuses tc,
			OrderMapper orders, BranchEvidence evidence, @Value("${tccmall.order.repair.after:60s}") Duration after,
			@Value("${tccmall.order.repair.batch-size:100}") int batchSize) {
		this.participants = participants;
		this.ownBranches = ownBranches;
		this.tc = tc;
		this.orders = orders;
		this.evidence = evidence;
		this.after = after;
		this.batchSize = batchSize;
	}

	/** Returns the number of branches that ran phase two. */
	@Scheduled(fixedDelayString = "${tccmall.order.repair.interval:15s}",
			initialDelayString = "${tccmall.order.repair.interval:15s}")
	int repair() {
		Map<String, Set<String>> holders = new LinkedHashMap<>();
		collect(holders, SELF, () -> this.ownBranches.triedBranches(this.after.toSeconds(), this.batchSize));
		for (String participant : Participants.NAMES) {
			collect(holders, participant,
					() -> this.participants.triedBranches(participant, this.after.toSeconds(), this.batchSize));
		}
		int settled = 0;
		for (Map.Entry<String, Set<String>> entry : holders.entrySet()) {
			settled += repair(entry.getKey(), entry.getValue());
		}
		return settled;
	}

	private int repair(String xid, Set<String> holders) {
		if (!forgotten(xid)) {
			return 0;
		}
		Order order = this.orders.findByXid(xid);
		Optional<Decision> decision;
		try {
			decision = decide(xid, order);
		}
		catch (RuntimeException ex) {
			log.warn("cannot decide global transaction {}: {}", xid, ex.toString());
			return 0;
		}
		if (decision.isEmpty()) {
			log.info("global transaction {} is forgotten by the TC; order {} is settled first", xid,
					order.getOrderNo());
			return 0;
		}
		BranchSettlement settlement = new BranchSettlement(xid, decision.get(), context(order));
		int settled = 0;
		for (String holder : holders) {
			try {
				List<SettledBranch> branches = SELF.equals(holder) ? this.ownBranches.settle(settlement)
						: this.participants.settleBranches(holder, settlement);
				settled += branches.size();
			}
			catch (RuntimeException ex) {
				log.warn("{} could not settle the branches of forgotten transaction {}: {}", holder, xid,
						ex.toString());
			}
		}
		return settled;
	}

	/**
	 * What order-service decided, from the order naming {@code xid}; empty while the
	 * order still waits for it.
	 * <ul>
	 * <li>No order: a place writes its order last, in its body, so the transaction never
	 * committed.</li>
	 * <li>Place: committed once the order left TRYING other than by the place's rollback
	 * (CANCELLED without a cancel reason).</li>
	 * <li>Pay: committed if the order is PAID.</li>
	 * <li>Cancel: committed if the order is CANCELLED; still CANCELLING, it is the
	 * order's own branch that waits, so the evidence decides: a committed branch, else
	 * roll back.</li>
	 * </ul>
	 */
	Optional<Decision> decide(String xid, Order order) {
		if (order == null) {
			return Optional.of(Decision.ROLLBACK);
		}
		if (xid.equals(order.getPlaceXid())) {
			return switch (order.getStatus()) {
				case TRYING -> Optional.empty();
				case CANCELLED -> Optional.of((order.getCancelReason() == null) ? Decision.ROLLBACK : Decision.COMMIT);
				default -> Optional.of(Decision.COMMIT);
			};
		}
		if (xid.equals(order.getPayXid())) {
			return switch (order.getStatus()) {
				case PAYING -> Optional.empty();
				case PAID -> Optional.of(Decision.COMMIT);
				default -> Optional.of(Decision.ROLLBACK);
			};
		}
		return switch (order.getStatus()) {
			case CANCELLING ->
				Optional.of(this.evidence.anyBranchCommitted(order, xid) ? Decision.COMMIT : Decision.ROLLBACK);
			case CANCELLED -> Optional.of(Decision.COMMIT);
			default -> Optional.of(Decision.ROLLBACK);
		};
	}

	/** The action context every phase two of tcc-mall reads. */
	private static Map<String, String> context(Order order) {
		Map<String, String> context = new LinkedHashMap<>();
		if (order != null) {
			context.put("orderNo", order.getOrderNo());
			if (order.getCouponId() != null) {
				context.put("couponId", order.getCouponId());
			}
		}
		return context;
	}

	private boolean forgotten(String xid) {
		try {
			return this.tc.of(xid) == GlobalStatus.Finished;
		}
		catch (TransactionException | RuntimeException ex) {
			log.warn("cannot ask the TC about global transaction {}: {}", xid, ex.toString());
			return false;
		}
	}

	private static void collect(Map<String, Set<String>> holders, String holder, Supplier<List<TriedBranch>> read) {
		try {
			read.get()
				.forEach(branch -> holders.computeIfAbsent(branch.xid(), xid -> new LinkedHashSet<>()).add(holder));
		}
		catch (RuntimeException ex) {
			log.warn("cannot read the TRIED branches of {}: {}", holder, ex.toString());
		}
	}

}
