package io.tccmall.order.checkout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.tccmall.common.tcc.TccBranchApi.BranchSettlement;
import io.tccmall.common.tcc.TccBranchApi.Decision;
import io.tccmall.common.tcc.TccBranchApi.SettledBranch;
import io.tccmall.common.tcc.TccBranchApi.TriedBranch;
import io.tccmall.common.tcc.TccBranches;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderMapper;
import io.tccmall.order.order.OrderStatus;
import io.tccmall.order.participant.Participants;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.GlobalStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Which way the branches of a transaction the TC forgot are settled (issue 20, finding
 * 4): the order that names the XID recorded order-service's decision.
 */
class ForgottenTransactionsTest {

	private static final String XID = "127.0.0.1:8091:77";

	private final Participants participants = mock(Participants.class);

	private final TccBranches ownBranches = mock(TccBranches.class);

	private final TransactionStatuses tc = mock(TransactionStatuses.class);

	private final OrderMapper orders = mock(OrderMapper.class);

	private final BranchEvidence evidence = mock(BranchEvidence.class);

	private final ForgottenTransactions forgotten = new ForgottenTransactions(this.participants, this.ownBranches,
			this.tc, this.orders, this.evidence, Duration.ofSeconds(60), 100);

	@BeforeEach
	void noBranches() {
		given(this.participants.triedBranches(anyString(), anyLong(), anyInt())).willReturn(List.of());
		given(this.ownBranches.triedBranches(anyLong(), anyInt())).willReturn(List.of());
	}

	@Test
	void shouldRollBackATransactionNoOrderNames() {
		assertThat(this.forgotten.decide(XID, null)).contains(Decision.ROLLBACK);
	}

	@Test
	void shouldFollowThePlaceOnItsOrder() {
		assertThat(this.forgotten.decide(XID, order(OrderStatus.TRYING, o -> o.setPlaceXid(XID)))).isEmpty();
		assertThat(this.forgotten.decide(XID, order(OrderStatus.CANCELLED, o -> o.setPlaceXid(XID))))
			.as("rolled back: cancelled without a reason")
			.contains(Decision.ROLLBACK);
		assertThat(this.forgotten.decide(XID, order(OrderStatus.AWAITING_PAYMENT, o -> o.setPlaceXid(XID))))
			.contains(Decision.COMMIT);
		assertThat(this.forgotten.decide(XID, order(OrderStatus.CANCELLED, o -> {
			o.setPlaceXid(XID);
			o.setCancelReason("USER");
		}))).as("placed, then cancelled by the shopper").contains(Decision.COMMIT);
		assertThat(this.forgotten.decide(XID, order(OrderStatus.PAID, o -> o.setPlaceXid(XID))))
			.contains(Decision.COMMIT);
	}

	@Test
	void shouldFollowThePaymentOnItsOrder() {
		assertThat(this.forgotten.decide(XID, order(OrderStatus.PAYING, o -> o.setPayXid(XID)))).isEmpty();
		assertThat(this.forgotten.decide(XID, order(OrderStatus.PAID, o -> o.setPayXid(XID))))
			.contains(Decision.COMMIT);
		assertThat(this.forgotten.decide(XID, order(OrderStatus.AWAITING_PAYMENT, o -> o.setPayXid(XID))))
			.contains(Decision.ROLLBACK);
		assertThat(this.forgotten.decide(XID, order(OrderStatus.CANCELLED, o -> o.setPayXid(XID))))
			.contains(Decision.ROLLBACK);
	}

	@Test
	void shouldDecideAStillCancellingOrderFromItsBranches() {
		Order cancelling = order(OrderStatus.CANCELLING, o -> o.setCancelXid(XID));
		given(this.evidence.anyBranchCommitted(cancelling, XID)).willReturn(false, true);

		assertThat(this.forgotten.decide(XID, cancelling)).contains(Decision.ROLLBACK);
		assertThat(this.forgotten.decide(XID, cancelling)).contains(Decision.COMMIT);
		assertThat(this.forgotten.decide(XID, order(OrderStatus.CANCELLED, o -> o.setCancelXid(XID))))
			.contains(Decision.COMMIT);
		assertThat(this.forgotten.decide(XID, order(OrderStatus.AWAITING_PAYMENT, o -> o.setCancelXid(XID))))
			.contains(Decision.ROLLBACK);
	}

	@Test
	void shouldSettleEveryHolderOfAForgottenTransactionWithTheOrdersContext() throws TransactionException {
		given(this.tc.of(XID)).willReturn(GlobalStatus.Finished);
		tried("inventory", "coupon");
		Order order = order(OrderStatus.CANCELLED, o -> {
			o.setPlaceXid(XID);
			o.setCouponId("C-1");
		});
		given(this.orders.findByXid(XID)).willReturn(order);
		BranchSettlement expected = new BranchSettlement(XID, Decision.ROLLBACK,
				Map.of("orderNo", "O-1", "couponId", "C-1"));
		given(this.participants.settleBranches("inventory", expected))
			.willReturn(List.of(new SettledBranch(XID, 1, "stock-reserve", "PhaseTwo_Rollbacked")));
		given(this.participants.settleBranches("coupon", expected))
			.willThrow(new IllegalStateException("coupon-service down"));

		assertThat(this.forgotten.repair()).isOne();

		verify(this.participants).settleBranches("inventory", expected);
		verify(this.participants).settleBranches("coupon", expected);
		verify(this.participants, never()).settleBranches(eq("payment"), any());
	}

	@Test
	void shouldLeaveATransactionTheTcStillHoldsOrCannotBeAskedAbout() throws TransactionException {
		tried("inventory");
		given(this.tc.of(XID)).willReturn(GlobalStatus.RollbackRetrying).willThrow(new TransactionException("TC down"));

		assertThat(this.forgotten.repair()).isZero();
		assertThat(this.forgotten.repair()).isZero();

		verify(this.participants, never()).settleBranches(anyString(), any());
		verify(this.orders, never()).findByXid(anyString());
	}

	@Test
	void shouldWaitForTheRecoveryScanWhileTheOrderAwaitsItsOutcome() throws TransactionException {
		given(this.tc.of(XID)).willReturn(GlobalStatus.Finished);
		tried("inventory");
		given(this.orders.findByXid(XID)).willReturn(order(OrderStatus.TRYING, o -> o.setPlaceXid(XID)));

		assertThat(this.forgotten.repair()).isZero();

		verify(this.participants, never()).settleBranches(anyString(), any());
	}

	private void tried(String... holders) {
		for (String holder : holders) {
			given(this.participants.triedBranches(holder, 60, 100))
				.willReturn(List.of(new TriedBranch(XID, 1, holder + "-action")));
		}
	}

	private static Order order(OrderStatus status, Consumer<Order> xids) {
		Order order = new Order();
		order.setOrderNo("O-1");
		order.setUserId("alice");
		order.setStatus(status);
		xids.accept(order);
		return order;
	}

}
