package io.tccmall.order.checkout;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderItemMapper;
import io.tccmall.order.order.OrderSettlement;
import io.tccmall.order.participant.Participants;
import org.apache.seata.core.exception.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Settles a TRYING or PAYING order by the outcome of the global transaction it names (ADR
 * 0012). The TC is asked first. Once it has forgotten the transaction, one participant
 * that took part in every such transaction tells: inventory's reservation for a place
 * (HELD or later: committed; CANCELLED or none: rolled back), the payment row of the XID
 * for a pay (SUCCEEDED: committed; CANCELLED or none: rolled back). A row still TRYING
 * means the TC lost the transaction before phase two had finished (issue 20, finding 4):
 * nobody will ever send it, so the order decides, and {@link ForgottenTransactions} then
 * has the participants follow. It commits if any branch was confirmed, and rolls back
 * otherwise; the order is past the global timeout, so no commit can still come. Anyone
 * who cannot be asked leaves the order as it is for the next look.
 */
@Component
class OrderOutcomes {

	private static final Logger log = LoggerFactory.getLogger(OrderOutcomes.class);

	private final TransactionStatuses tc;

	private final Participants participants;

	private final OrderSettlement settlement;

	private final OrderItemMapper items;

	private final BranchEvidence evidence;

	OrderOutcomes(TransactionStatuses tc, Participants participants, OrderSettlement settlement, OrderItemMapper items,
			BranchEvidence evidence) {
		this.tc = tc;
		this.participants = participants;
		this.settlement = settlement;
		this.items = items;
		this.evidence = evidence;
	}

	/** Applies the outcome, if known, to the order; returns it (never FORGOTTEN). */
	Outcome settle(Order order) {
		String orderNo = order.getOrderNo();
		return switch (order.getStatus()) {
			case TRYING -> {
				Outcome outcome = decide(order.getPlaceXid(), () -> placeEvidence(order));
				if (outcome == Outcome.COMMITTED) {
					this.settlement.placeCommitted(order, this.items.findByOrderNo(orderNo));
				}
				else if (outcome == Outcome.ROLLED_BACK) {
					this.settlement.placeRolledBack(orderNo);
				}
				yield outcome;
			}
			case PAYING -> {
				String xid = order.getPayXid();
				Outcome outcome = decide(xid, () -> payEvidence(order, xid));
				if (outcome == Outcome.COMMITTED) {
					this.settlement.payCommitted(order, xid, order.getPaymentNo());
				}
				else if (outcome == Outcome.ROLLED_BACK) {
					this.settlement.payRolledBack(orderNo, xid);
				}
				yield outcome;
			}
			default -> throw new IllegalArgumentException("order " + orderNo + " is " + order.getStatus());
		};
	}

	private Outcome decide(String xid, Supplier<Outcome> participantEvidence) {
		Outcome outcome;
		try {
			outcome = Outcome.of(this.tc.of(xid));
		}
		catch (TransactionException | RuntimeException ex) {
			log.warn("cannot ask the TC about global transaction {}: {}", xid, ex.toString());
			return Outcome.UNDECIDED;
		}
		if (outcome != Outcome.FORGOTTEN) {
			return outcome;
		}
		try {
			return participantEvidence.get();
		}
		catch (RuntimeException ex) {
			log.warn("cannot ask a participant about global transaction {}: {}", xid, ex.toString());
			return Outcome.UNDECIDED;
		}
	}

	private Outcome placeEvidence(Order order) {
		List<String> statuses = statuses(this.participants.inventoryState(order.getOrderNo(), List.of()).rows());
		if (statuses.contains("TRYING")) {
			return lost(order, order.getPlaceXid());
		}
		return statuses.stream().allMatch("CANCELLED"::equals) ? Outcome.ROLLED_BACK : Outcome.COMMITTED;
	}

	private Outcome payEvidence(Order order, String xid) {
		List<String> statuses = statuses(this.participants.paymentState(order.getOrderNo(), List.of())
			.rows()
			.stream()
			.filter(row -> Objects.equals(row.get("xid"), xid))
			.toList());
		if (statuses.contains("TRYING")) {
			return lost(order, xid);
		}
		return statuses.contains("SUCCEEDED") ? Outcome.COMMITTED : Outcome.ROLLED_BACK;
	}

	/** A transaction the TC lost before its phase two had finished. */
	private Outcome lost(Order order, String xid) {
		Outcome outcome = this.evidence.anyBranchCommitted(order, xid) ? Outcome.COMMITTED : Outcome.ROLLED_BACK;
		log.warn("the TC has lost global transaction {} of order {} before its phase two: {}", xid, order.getOrderNo(),
				outcome);
		return outcome;
	}

	private static List<String> statuses(List<Map<String, Object>> rows) {
		return rows.stream().map(row -> String.valueOf(row.get("status"))).toList();
	}

}
