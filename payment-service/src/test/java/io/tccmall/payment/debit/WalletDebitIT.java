package io.tccmall.payment.debit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tccmall.common.web.BusinessException;
import io.tccmall.payment.AbstractIntegrationTest;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalletDebitIT extends AbstractIntegrationTest {

	@Autowired
	WalletDebitAction debit;

	@BeforeEach
	void clean() {
		cleanTables();
	}

	@Test
	void shouldMoveMoneyFromBalanceToFrozenToPaidWhenDebitIsConfirmed() {
		givenWallet("alice", 10_000);
		BusinessActionContext ctx = ctx("xid-1", "O1");

		String paymentNo = this.debit.prepare(ctx, "O1", "alice", 3_000);

		assertThat(money("alice")).containsExactly(7_000, 3_000, 0);
		assertThat(status(paymentNo)).isEqualTo("TRYING");
		assertMoneyInvariant();

		assertThat(this.debit.confirm(ctx)).isTrue();
		assertThat(money("alice")).containsExactly(7_000, 0, 3_000);
		assertThat(status(paymentNo)).isEqualTo("SUCCEEDED");

		assertThat(this.debit.confirm(ctx)).isTrue();
		assertThat(this.debit.cancel(ctx)).isTrue();
		assertThat(money("alice")).as("a repeated confirm and a late cancel change nothing")
			.containsExactly(7_000, 0, 3_000);
		assertThat(status(paymentNo)).isEqualTo("SUCCEEDED");
		assertMoneyInvariant();
	}

	@Test
	void shouldRefundOnceWhenCancelRunsTwice() {
		givenWallet("alice", 10_000);
		BusinessActionContext ctx = ctx("xid-1", "O1");
		String paymentNo = this.debit.prepare(ctx, "O1", "alice", 4_000);

		assertThat(this.debit.cancel(ctx)).isTrue();
		assertThat(this.debit.cancel(ctx)).isTrue();
		assertThat(this.debit.confirm(ctx)).isTrue();

		assertThat(money("alice")).containsExactly(10_000, 0, 0);
		assertThat(status(paymentNo)).isEqualTo("CANCELLED");
		assertMoneyInvariant();
	}

	@Test
	void shouldChangeNothingWhenBalanceIsInsufficient() {
		givenWallet("alice", 1_000);

		assertRefused(() -> this.debit.prepare(ctx("xid-1", "O1"), "O1", "alice", 1_001), "INSUFFICIENT_BALANCE");

		assertThat(money("alice")).containsExactly(1_000, 0, 0);
		assertThat(paymentCount()).isZero();
		assertMoneyInvariant();
	}

	@Test
	void shouldRefuseDebitOfUserWithoutWalletAndCreateNothing() {
		assertRefused(() -> this.debit.prepare(ctx("xid-1", "O1"), "O1", "carol", 1), "INSUFFICIENT_BALANCE");

		assertThat(paymentCount()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wallet", Integer.class)).isZero();
	}

	@Test
	void shouldRecordAPaymentOfNothingForAnOrderWithNothingToPayEvenWithoutAWallet() {
		BusinessActionContext ctx = ctx("xid-1", "O1");

		String paymentNo = this.debit.prepare(ctx, "O1", "carol", 0);
		assertThat(this.debit.confirm(ctx)).isTrue();

		assertThat(status(paymentNo)).isEqualTo("SUCCEEDED");
		assertThat(money("carol")).containsExactly(0, 0, 0);
		assertMoneyInvariant();
	}

	@Test
	void shouldRefuseSecondDebitOfSameOrderFromAnotherGlobalTransaction() {
		givenWallet("alice", 10_000);
		BusinessActionContext first = ctx("xid-1", "O1");
		this.debit.prepare(first, "O1", "alice", 2_000);

		assertRefused(() -> this.debit.prepare(ctx("xid-2", "O1"), "O1", "alice", 2_000), "ALREADY_PAID");
		assertThat(money("alice")).containsExactly(8_000, 2_000, 0);

		this.debit.confirm(first);
		assertRefused(() -> this.debit.prepare(ctx("xid-3", "O1"), "O1", "alice", 2_000), "ALREADY_PAID");
		assertThat(money("alice")).containsExactly(8_000, 0, 2_000);
		assertThat(paymentCount()).isEqualTo(1);
		assertMoneyInvariant();
	}

	@Test
	void shouldReturnSamePaymentWhenTheSameGlobalTransactionRepeatsTheTry() {
		givenWallet("alice", 10_000);
		BusinessActionContext ctx = ctx("xid-1", "O1");

		String first = this.debit.prepare(ctx, "O1", "alice", 2_500);
		String again = this.debit.prepare(ctx, "O1", "alice", 2_500);

		assertThat(again).isEqualTo(first);
		assertThat(money("alice")).as("frozen once").containsExactly(7_500, 2_500, 0);
		assertThat(paymentCount()).isEqualTo(1);
		assertMoneyInvariant();
	}

	@Test
	void shouldAcceptNewDebitOfAnOrderWhosePreviousPaymentWasCancelled() {
		givenWallet("alice", 10_000);
		BusinessActionContext first = ctx("xid-1", "O1");
		String cancelled = this.debit.prepare(first, "O1", "alice", 3_000);
		this.debit.cancel(first);

		BusinessActionContext second = ctx("xid-2", "O1");
		String paid = this.debit.prepare(second, "O1", "alice", 3_000);
		// the first transaction's cancel, redelivered, must not touch the second payment
		this.debit.cancel(first);
		this.debit.confirm(second);

		assertThat(paid).isNotEqualTo(cancelled);
		assertThat(status(cancelled)).isEqualTo("CANCELLED");
		assertThat(status(paid)).isEqualTo("SUCCEEDED");
		assertThat(money("alice")).containsExactly(7_000, 0, 3_000);
		assertMoneyInvariant();
	}

	@Test
	void shouldTreatCancelOfNeverTriedOrderAsNoOp() {
		givenWallet("alice", 10_000);

		assertThat(this.debit.cancel(ctx("xid-9", "O9"))).isTrue();
		assertThat(this.debit.confirm(ctx("xid-9", "O9"))).isTrue();

		assertThat(money("alice")).containsExactly(10_000, 0, 0);
		assertThat(paymentCount()).isZero();
		assertMoneyInvariant();
	}

	@Test
	void shouldRefuseTryOutsideAGlobalTransaction() {
		givenWallet("alice", 10_000);

		assertRefused(() -> this.debit.prepare(null, "O1", "alice", 100), "TRANSACTION_REQUIRED");

		assertThat(money("alice")).containsExactly(10_000, 0, 0);
		assertThat(paymentCount()).isZero();
	}

	@Test
	void shouldLetExactlyOneOfTwentyConcurrentDebitsOfOneOrderSucceed() throws Exception {
		givenWallet("alice", 1_000_000);

		List<Outcome> outcomes = race(20, i -> this.debit.prepare(ctx("xid-" + i, "O1"), "O1", "alice", 5_000));

		assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
		// the others see the payment and refuse, or lose a deadlock on its unique key
		// (InnoDB rolls their transaction back): either way the database let exactly one
		// through
		assertThat(outcomes).filteredOn(o -> !o.succeeded())
			.hasSize(19)
			.allSatisfy(o -> assertThat(o.refusal()).isIn("ALREADY_PAID", DEADLOCK_VICTIM));
		assertThat(money("alice")).containsExactly(995_000, 5_000, 0);
		assertThat(paymentCount()).isEqualTo(1);
		assertMoneyInvariant();
	}

	@Test
	void shouldNeverOverdrawWhenFiftyOrdersRaceForTenDebitsWorthOfBalance() throws Exception {
		givenWallet("alice", 10_000);

		List<Outcome> outcomes = race(50, i -> this.debit.prepare(ctx("xid-" + i, "O" + i), "O" + i, "alice", 1_000));

		assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(10);
		assertThat(outcomes).filteredOn(o -> "INSUFFICIENT_BALANCE".equals(o.refusal())).hasSize(40);
		assertThat(money("alice")).containsExactly(0, 10_000, 0);
		assertThat(paymentCount()).as("refused Tries leave no payment").isEqualTo(10);
		assertMoneyInvariant();
	}

	private static final String DEADLOCK_VICTIM = "deadlock victim, rolled back";

	interface Attempt {

		String run(int i);

	}

	/** A Try's result: the payment number, or the code it was refused with. */
	record Outcome(String paymentNo, String refusal) {

		boolean succeeded() {
			return this.paymentNo != null;
		}

	}

	/** Starts all attempts at once and collects their outcomes. */
	private static List<Outcome> race(int threads, Attempt attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Outcome>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					start.await();
					try {
						return new Outcome(attempt.run(n), null);
					}
					catch (BusinessException refused) {
						return new Outcome(null, refused.code());
					}
					catch (PessimisticLockingFailureException deadlock) {
						return new Outcome(null, DEADLOCK_VICTIM);
					}
				}));
			}
			start.countDown();
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> future : futures) {
				outcomes.add(future.get(60, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void assertRefused(Runnable attempt, String code) {
		assertThatThrownBy(attempt::run).isInstanceOfSatisfying(BusinessException.class,
				e -> assertThat(e.code()).isEqualTo(code));
	}

	private static BusinessActionContext ctx(String xid, String orderNo) {
		BusinessActionContext ctx = new BusinessActionContext();
		ctx.setXid(xid);
		ctx.setActionName("wallet-debit");
		ctx.setActionContext(Map.of("orderNo", orderNo));
		return ctx;
	}

	private String status(String paymentNo) {
		return this.jdbc.queryForObject("SELECT status FROM payment WHERE payment_no = ?", String.class, paymentNo);
	}

	private int paymentCount() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM payment", Integer.class);
	}

}
