package io.tccmall.order.checkout;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.tccmall.common.reconciliation.ParticipantOrderState;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderItemMapper;
import io.tccmall.order.order.OrderSettlement;
import io.tccmall.order.order.OrderStatus;
import io.tccmall.order.participant.Participants;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.GlobalStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * How a TRYING or PAYING order is settled from the TC's answer and, once the TC forgot
 * the transaction, from the participant's rows (ADR 0012).
 */
class OrderOutcomesTest {

	private final TransactionStatuses tc = mock(TransactionStatuses.class);

	private final Participants participants = mock(Participants.class);

	private final OrderSettlement settlement = mock(OrderSettlement.class);

	private final BranchEvidence evidence = mock(BranchEvidence.class);

	private final OrderOutcomes outcomes = new OrderOutcomes(this.tc, this.participants, this.settlement,
			mock(OrderItemMapper.class), this.evidence);

	@Test
	void shouldConfirmAPlacedOrderWhenTheTcCommitted() throws TransactionException {
		Order order = order(OrderStatus.TRYING);
		given(this.tc.of("xid-place")).willReturn(GlobalStatus.Committed);

		assertThat(this.outcomes.settle(order)).isEqualTo(Outcome.COMMITTED);

		verify(this.settlement).placeCommitted(any(), anyList());
		verify(this.settlement, never()).placeRolledBack(anyString());
		verifyNoInteractions(this.participants);
	}

	@Test
	void shouldCancelAPlacedOrderWhenTheTcRolledBackOnTimeout() throws TransactionException {
		Order order = order(OrderStatus.TRYING);
		given(this.tc.of("xid-place")).willReturn(GlobalStatus.TimeoutRollbacking);

		assertThat(this.outcomes.settle(order)).isEqualTo(Outcome.ROLLED_BACK);

		verify(this.settlement).placeRolledBack("O-1");
		verify(this.settlement, never()).placeCommitted(any(), anyList());
	}

	@Test
	void shouldLeaveTheOrderWhileTheTransactionRunsOrTheTcCannotBeAsked() throws TransactionException {
		given(this.tc.of("xid-place")).willReturn(GlobalStatus.Begin);
		given(this.tc.of("xid-pay")).willThrow(new TransactionException("TC down"));

		assertThat(this.outcomes.settle(order(OrderStatus.TRYING))).isEqualTo(Outcome.UNDECIDED);
		assertThat(this.outcomes.settle(order(OrderStatus.PAYING))).isEqualTo(Outcome.UNDECIDED);

		verifyNoInteractions(this.settlement, this.participants);
	}

	@Test
	void shouldTakeAForgottenPlaceFromTheReservation() throws TransactionException {
		given(this.tc.of("xid-place")).willReturn(GlobalStatus.Finished);

		reservation("HELD", "HELD");
		assertThat(this.outcomes.settle(order(OrderStatus.TRYING))).isEqualTo(Outcome.COMMITTED);
		reservation("CANCELLED", "CANCELLED");
		assertThat(this.outcomes.settle(order(OrderStatus.TRYING))).isEqualTo(Outcome.ROLLED_BACK);
		reservation();
		assertThat(this.outcomes.settle(order(OrderStatus.TRYING))).isEqualTo(Outcome.ROLLED_BACK);

		verify(this.settlement).placeCommitted(any(), anyList());
		verify(this.settlement, times(2)).placeRolledBack("O-1");
		verifyNoInteractions(this.evidence);
	}

	/**
	 * Issue 20, finding 4: the TC lost the transaction (its store gone in a crash) while
	 * a Try's row was still TRYING. Nobody will ever send phase two, so the order
	 * decides: commit if any branch was confirmed, else roll back. Before, the order
	 * stayed TRYING for good.
	 */
	@Test
	void shouldDecideAPlaceTheTcLostFromWhetherAnyBranchWasConfirmed() throws TransactionException {
		given(this.tc.of("xid-place")).willReturn(GlobalStatus.Finished);
		reservation("TRYING", "TRYING");
		Order order = order(OrderStatus.TRYING);

		given(this.evidence.anyBranchCommitted(order, "xid-place")).willReturn(false);
		assertThat(this.outcomes.settle(order)).isEqualTo(Outcome.ROLLED_BACK);
		verify(this.settlement).placeRolledBack("O-1");

		given(this.evidence.anyBranchCommitted(order, "xid-place")).willReturn(true);
		assertThat(this.outcomes.settle(order)).isEqualTo(Outcome.COMMITTED);
		verify(this.settlement).placeCommitted(any(), anyList());
	}

	@Test
	void shouldTakeAForgottenPaymentFromThePaymentRowOfItsOwnTransaction() throws TransactionException {
		given(this.tc.of("xid-pay")).willReturn(GlobalStatus.Finished);

		payments(Map.of("xid", "xid-earlier", "status", "CANCELLED"), Map.of("xid", "xid-pay", "status", "SUCCEEDED"));
		assertThat(this.outcomes.settle(order(OrderStatus.PAYING))).isEqualTo(Outcome.COMMITTED);
		verify(this.settlement).payCommitted(any(), eq("xid-pay"), eq("P-1"));

		payments(Map.of("xid", "xid-pay", "status", "CANCELLED"));
		assertThat(this.outcomes.settle(order(OrderStatus.PAYING))).isEqualTo(Outcome.ROLLED_BACK);
		// another transaction's payment says nothing about this one
		payments(Map.of("xid", "xid-other", "status", "SUCCEEDED"));
		assertThat(this.outcomes.settle(order(OrderStatus.PAYING))).isEqualTo(Outcome.ROLLED_BACK);
		verify(this.settlement, times(2)).payRolledBack("O-1", "xid-pay");

		payments(Map.of("xid", "xid-pay", "status", "TRYING"));
		Order lost = order(OrderStatus.PAYING);
		given(this.evidence.anyBranchCommitted(lost, "xid-pay")).willReturn(false);
		assertThat(this.outcomes.settle(lost)).isEqualTo(Outcome.ROLLED_BACK);
		verify(this.settlement, times(3)).payRolledBack("O-1", "xid-pay");
	}

	@Test
	void shouldLeaveALostTransactionWhenTheEvidenceCannotBeRead() throws TransactionException {
		given(this.tc.of("xid-place")).willReturn(GlobalStatus.Finished);
		reservation("TRYING");
		Order order = order(OrderStatus.TRYING);
		given(this.evidence.anyBranchCommitted(order, "xid-place")).willThrow(new IllegalStateException("down"));

		assertThat(this.outcomes.settle(order)).isEqualTo(Outcome.UNDECIDED);

		verifyNoInteractions(this.settlement);
	}

	@Test
	void shouldLeaveAForgottenTransactionWhenItsParticipantCannotBeAsked() throws TransactionException {
		given(this.tc.of("xid-place")).willReturn(GlobalStatus.Finished);
		given(this.participants.inventoryState("O-1", List.of())).willThrow(new IllegalStateException("down"));

		assertThat(this.outcomes.settle(order(OrderStatus.TRYING))).isEqualTo(Outcome.UNDECIDED);

		verifyNoInteractions(this.settlement);
	}

	@ParameterizedTest
	@EnumSource(GlobalStatus.class)
	void shouldCallAStatusCommittedOnlyWhenTheTcDecidedToCommit(GlobalStatus status) {
		boolean commitDecided = status.name().startsWith("Commit") || status == GlobalStatus.AsyncCommitting
				|| status == GlobalStatus.StopCommitOrCommitRetry;
		boolean rollbackDecided = status.name().contains("Rollback");
		assertThat(Outcome.of(status) == Outcome.COMMITTED).as(status.name()).isEqualTo(commitDecided);
		assertThat(Outcome.of(status) == Outcome.ROLLED_BACK).as(status.name()).isEqualTo(rollbackDecided);
	}

	private void reservation(String... statuses) {
		var rows = Arrays.stream(statuses).<Map<String, Object>>map(s -> Map.of("status", s)).toList();
		given(this.participants.inventoryState("O-1", List.of()))
			.willReturn(new ParticipantOrderState("inventory", "O-1", rows, List.of()));
	}

	@SafeVarargs
	private void payments(Map<String, Object>... rows) {
		given(this.participants.paymentState("O-1", List.of()))
			.willReturn(new ParticipantOrderState("payment", "O-1", List.of(rows), List.of()));
	}

	private static Order order(OrderStatus status) {
		Order order = new Order();
		order.setOrderNo("O-1");
		order.setUserId("alice");
		order.setStatus(status);
		order.setPlaceXid("xid-place");
		if (status == OrderStatus.PAYING) {
			order.setPayXid("xid-pay");
			order.setPaymentNo("P-1");
		}
		return order;
	}

}
