package io.tccmall.common.testsupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tccmall.common.tcc.TccMetrics;
import io.tccmall.common.web.BusinessException;
import org.apache.seata.common.exception.FrameworkErrorCode;
import org.apache.seata.common.exception.SkipCallbackWrapperException;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.integration.tx.api.fence.DefaultCommonFenceHandler;
import org.apache.seata.integration.tx.api.fence.FenceHandler;
import org.apache.seata.integration.tx.api.fence.exception.CommonFenceException;
import org.apache.seata.rm.fence.SpringFenceHandler;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TCC disorders every fenced action must survive, in the spirit of DTM's barrier
 * tests, driven through Seata's real fence ({@link SpringFenceHandler}: the
 * {@code tcc_fence_log} of the module's real database, in the transaction the fence
 * opens) around the real action beans, without a coordinator deciding the order:
 * <ul>
 * <li>Cancel before Try: an empty rollback, recorded as SUSPENDED without calling Cancel;
 * the late Try is refused and changes nothing;</li>
 * <li>Confirm delivered twice, one after the other and racing: one effect;</li>
 * <li>Cancel delivered twice, one after the other and racing: one give-back;</li>
 * <li>the Try retried as a new branch of the same global transaction for the same order:
 * one effect whether the transaction commits or rolls back (the fence does not help here:
 * the business key must).</li>
 * </ul>
 * Each also checks the {@code tccmall.tcc.phase.two} timer and the
 * {@code tccmall.fence.hits} counter of the context's meter registry move as the fence
 * acted.
 * <p>
 * A module extends this with a Spring test context running the fence (Seata enabled) and
 * lists its actions in {@link #actions()}, one {@link FencedAction} per action.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FenceDisorderContract {

	/** {@code tcc_fence_log.status} values. */
	public static final int TRIED = 1;

	public static final int COMMITTED = 2;

	public static final int ROLLBACKED = 3;

	public static final int SUSPENDED = 4;

	private static final int RACE_TIMEOUT_SECONDS = 60;

	/**
	 * The fence as Seata's TCC interceptor and resource manager call it (metrics
	 * included).
	 */
	private final FenceHandler fence = DefaultCommonFenceHandler.get();

	@Autowired
	private DataSource dataSource;

	@Autowired
	private MeterRegistry meters;

	private JdbcTemplate jdbc;

	/** Fresh descriptors of every fenced action of the module (called once per test). */
	protected abstract List<FencedAction> actions();

	/** Empties the tables the actions touch, {@code tcc_fence_log} included. */
	protected abstract void emptyTables();

	@BeforeEach
	void freshTables() {
		this.jdbc = new JdbcTemplate(this.dataSource);
		RootContext.unbind();
		assertThat(SpringFenceHandler.getDataSource())
			.as("the fence must run on this context's DataSource (is Seata enabled, and only one context with it?)")
			.isSameAs(this.dataSource);
		emptyTables();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void shouldBeAFencedTwoPhaseAction(FencedAction action) {
		TwoPhaseBusinessAction annotation = action.annotation();
		assertThat(annotation.useTCCFence()).as(action + " useTCCFence").isTrue();
		action.phaseTwoMethod(annotation.commitMethod());
		action.phaseTwoMethod(annotation.rollbackMethod());
		assertThat(contextParameters(action.tryMethod()))
			.as(action + ": the action-context keys phase two gets (from @BusinessActionContextParameter)")
			.isEqualTo(action.actionContext().keySet());
		for (TccMetrics.FenceHit hit : TccMetrics.FenceHit.values()) {
			assertThat(this.meters.find(TccMetrics.FENCE_HITS)
				.tag("action", action.name())
				.tag("kind", hit.tag())
				.counter()).as(action + " fence-hit counter " + hit.tag() + " registered before any hit").isNotNull();
		}
		assertThat(phaseTwo(action, TccMetrics.CONFIRM, "ok")).as(action + " phase-two timer registered").isNotNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void shouldRecordAnEmptyRollbackAndRefuseTheLateTry(FencedAction action) {
		given(action);
		Branch branch = Branch.first();
		double emptyRollbacks = fenceHits(action, TccMetrics.FenceHit.EMPTY_ROLLBACK);
		double suspensions = fenceHits(action, TccMetrics.FenceHit.SUSPENSION_PREVENTED);
		long cancels = phaseTwoCount(action, TccMetrics.CANCEL, "ok");

		assertThat(cancel(action, branch)).as("empty rollback succeeds").isTrue();
		assertThat(fenceHits(action, TccMetrics.FenceHit.EMPTY_ROLLBACK)).as("empty rollbacks counted")
			.isEqualTo(emptyRollbacks + 1);
		assertThat(phaseTwoCount(action, TccMetrics.CANCEL, "ok")).as("Cancel timed").isEqualTo(cancels + 1);
		assertThat(fenceStatus(branch)).as("empty rollback recorded").isEqualTo(SUSPENDED);
		assertThat(action.calls(rollbackMethod(action))).as("Cancel is not called without a Try").isZero();
		assertThat(action.state()).as("after the empty rollback").isEqualTo(action.before());

		Attempt late = tryBranch(action, branch);
		assertThat(late.refusal()).as("the late Try is refused by the fence").isInstanceOf(CommonFenceException.class);
		assertThat(((CommonFenceException) late.refusal()).getErrcode())
			.isEqualTo(FrameworkErrorCode.DuplicateKeyException);
		assertThat(action.calls("try")).as("the late Try never reaches the action").isZero();
		assertThat(fenceHits(action, TccMetrics.FenceHit.SUSPENSION_PREVENTED)).as("prevented suspensions counted")
			.isEqualTo(suspensions + 1);
		assertThat(action.state()).as("after the late Try").isEqualTo(action.before());
		// once it has refused the late Try, Seata deletes the SUSPENDED row (queued, gone
		// within milliseconds here): SUSPENDED or gone, never TRIED
		assertThat(fenceStatus(branch)).as("fence row after the refused late Try").isIn(SUSPENDED, null);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void shouldConfirmOnceWhenTheConfirmIsDeliveredAgain(FencedAction action) {
		Branch branch = triedBranch(action);
		double repeated = fenceHits(action, TccMetrics.FenceHit.REPEATED_PHASE_TWO);
		long confirms = phaseTwoCount(action, TccMetrics.CONFIRM, "ok");
		long refusedCancels = phaseTwoCount(action, TccMetrics.CANCEL, "error");

		assertThat(confirm(action, branch)).isTrue();
		assertThat(action.state()).as("after Confirm").isEqualTo(action.afterConfirm());
		assertThat(fenceHits(action, TccMetrics.FenceHit.REPEATED_PHASE_TWO)).as("a first Confirm is no repeat")
			.isEqualTo(repeated);
		assertThat(confirm(action, branch)).as("a repeated Confirm succeeds").isTrue();
		assertThat(fenceHits(action, TccMetrics.FenceHit.REPEATED_PHASE_TWO)).as("the repeated Confirm counted")
			.isEqualTo(repeated + 1);
		assertThat(phaseTwoCount(action, TccMetrics.CONFIRM, "ok")).as("Confirms timed").isEqualTo(confirms + 2);

		assertThat(action.calls(commitMethod(action))).as("Confirm calls that reached the action").isEqualTo(1);
		assertThat(action.state()).as("after the repeated Confirm").isEqualTo(action.afterConfirm());
		assertThat(fenceStatus(branch)).isEqualTo(COMMITTED);

		// Seata refuses (false) a Cancel of a committed branch without calling it
		assertThat(cancel(action, branch)).as("Cancel after Confirm").isFalse();
		assertThat(phaseTwoCount(action, TccMetrics.CANCEL, "error")).as("the refused Cancel timed as an error")
			.isEqualTo(refusedCancels + 1);
		assertThat(action.calls(rollbackMethod(action))).isZero();
		assertThat(action.state()).as("after a Cancel of the committed branch").isEqualTo(action.afterConfirm());
		assertThat(fenceStatus(branch)).isEqualTo(COMMITTED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void shouldConfirmOnceWhenTwoConfirmsRace(FencedAction action) throws Exception {
		Branch branch = triedBranch(action);

		assertThat(race(() -> confirm(action, branch), () -> confirm(action, branch))).containsExactly(true, true);

		assertThat(action.calls(commitMethod(action))).as("Confirm calls that reached the action").isEqualTo(1);
		assertThat(action.state()).as("after two racing Confirms").isEqualTo(action.afterConfirm());
		assertThat(fenceStatus(branch)).isEqualTo(COMMITTED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void shouldGiveBackOnceWhenTheCancelIsDeliveredAgain(FencedAction action) {
		Branch branch = triedBranch(action);
		double repeated = fenceHits(action, TccMetrics.FenceHit.REPEATED_PHASE_TWO);
		double emptyRollbacks = fenceHits(action, TccMetrics.FenceHit.EMPTY_ROLLBACK);
		long cancels = phaseTwoCount(action, TccMetrics.CANCEL, "ok");

		assertThat(cancel(action, branch)).isTrue();
		assertThat(action.state()).as("after Cancel").isEqualTo(action.afterCancel());
		assertThat(cancel(action, branch)).as("a repeated Cancel succeeds").isTrue();
		assertThat(fenceHits(action, TccMetrics.FenceHit.REPEATED_PHASE_TWO)).as("the repeated Cancel counted")
			.isEqualTo(repeated + 1);
		assertThat(fenceHits(action, TccMetrics.FenceHit.EMPTY_ROLLBACK)).as("a Cancel after a Try is not empty")
			.isEqualTo(emptyRollbacks);
		assertThat(phaseTwoCount(action, TccMetrics.CANCEL, "ok")).as("Cancels timed").isEqualTo(cancels + 2);

		assertThat(action.calls(rollbackMethod(action))).as("Cancel calls that reached the action").isEqualTo(1);
		assertThat(action.state()).as("after the repeated Cancel").isEqualTo(action.afterCancel());
		assertThat(fenceStatus(branch)).isEqualTo(ROLLBACKED);

		assertThat(confirm(action, branch)).as("Confirm after Cancel").isFalse();
		assertThat(action.calls(commitMethod(action))).isZero();
		assertThat(action.state()).as("after a Confirm of the rolled back branch").isEqualTo(action.afterCancel());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void shouldGiveBackOnceWhenTwoCancelsRace(FencedAction action) throws Exception {
		Branch branch = triedBranch(action);

		assertThat(race(() -> cancel(action, branch), () -> cancel(action, branch))).containsExactly(true, true);

		assertThat(action.calls(rollbackMethod(action))).as("Cancel calls that reached the action").isEqualTo(1);
		assertThat(action.state()).as("after two racing Cancels").isEqualTo(action.afterCancel());
		assertThat(fenceStatus(branch)).isEqualTo(ROLLBACKED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void shouldTakeEffectOnceWhenARetriedTryCommits(FencedAction action) {
		Branch first = triedBranch(action);
		Branch retry = first.retry();

		boolean accepted = retry(action, retry);
		assertThat(confirm(action, first)).isTrue();
		if (accepted) {
			assertThat(confirm(action, retry)).isTrue();
			assertThat(fenceStatus(retry)).isEqualTo(COMMITTED);
		}

		assertThat(action.state()).as("after Confirm of every branch").isEqualTo(action.afterConfirm());
		assertThat(fenceStatus(first)).isEqualTo(COMMITTED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void shouldGiveBackOnceWhenARetriedTryRollsBack(FencedAction action) {
		Branch first = triedBranch(action);
		Branch retry = first.retry();

		boolean accepted = retry(action, retry);
		// the coordinator rolls back the later branch first
		assertThat(cancel(action, retry)).isTrue();
		assertThat(cancel(action, first)).isTrue();

		assertThat(action.state()).as("after Cancel of every branch").isEqualTo(action.afterCancel());
		assertThat(fenceStatus(first)).isEqualTo(ROLLBACKED);
		assertThat(fenceStatus(retry)).as("the retry's fence row").isEqualTo(accepted ? ROLLBACKED : SUSPENDED);
		assertThat(action.calls(rollbackMethod(action))).as("Cancel calls that reached the action")
			.isEqualTo(accepted ? 2 : 1);
	}

	// --- steps -------------------------------------------------------------------------

	private void given(FencedAction action) {
		action.check();
		action.given();
		assertThat(action.state()).as(action + " before its Try").isEqualTo(action.before());
	}

	/** The action's state is set up and the Try of a first branch went through. */
	private Branch triedBranch(FencedAction action) {
		given(action);
		Branch branch = Branch.first();
		Attempt attempt = tryBranch(action, branch);
		assertThat(attempt.refusal()).as(action + " Try").isNull();
		assertThat(fenceStatus(branch)).isEqualTo(TRIED);
		assertThat(action.state()).as("after the Try").isEqualTo(action.afterTry());
		return branch;
	}

	/**
	 * The Try again as a new branch: accepted as a no-op, or refused as the action
	 * declares; either way nothing changes. Returns whether it was accepted.
	 */
	private boolean retry(FencedAction action, Branch retry) {
		Attempt attempt = tryBranch(action, retry);
		if (action.retryRefusal() == null) {
			assertThat(attempt.refusal()).as("a retried Try is accepted").isNull();
			assertThat(fenceStatus(retry)).isEqualTo(TRIED);
		}
		else {
			assertThat(attempt.refusal()).as("a retried Try is refused").isNotNull();
			assertThat(codeOf(attempt.refusal())).isEqualTo(action.retryRefusal());
			assertThat(fenceStatus(retry)).as("a refused Try leaves no fence row (same transaction)").isNull();
		}
		assertThat(action.state()).as("after the retried Try").isEqualTo(action.afterTry());
		return attempt.refusal() == null;
	}

	private Attempt tryBranch(FencedAction action, Branch branch) {
		BusinessActionContext ctx = branch.context(action);
		try {
			return new Attempt(
					this.fence.prepareFence(branch.xid(), branch.branchId(), action.name(), () -> action.callTry(ctx)),
					null);
		}
		catch (SkipCallbackWrapperException ex) {
			return new Attempt(null, ex.getCause());
		}
	}

	private boolean confirm(FencedAction action, Branch branch) {
		Method method = action.phaseTwoMethod(commitMethod(action));
		return this.fence.commitFence(method, action.recorder(), branch.xid(), branch.branchId(),
				new Object[] { branch.context(action) });
	}

	private boolean cancel(FencedAction action, Branch branch) {
		Method method = action.phaseTwoMethod(rollbackMethod(action));
		return this.fence.rollbackFence(method, action.recorder(), branch.xid(), branch.branchId(),
				new Object[] { branch.context(action) }, action.name());
	}

	private static String commitMethod(FencedAction action) {
		return action.annotation().commitMethod();
	}

	private static String rollbackMethod(FencedAction action) {
		return action.annotation().rollbackMethod();
	}

	private double fenceHits(FencedAction action, TccMetrics.FenceHit hit) {
		Counter counter = this.meters.find(TccMetrics.FENCE_HITS)
			.tag("action", action.name())
			.tag("kind", hit.tag())
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Timer phaseTwo(FencedAction action, String phase, String outcome) {
		return this.meters.find(TccMetrics.PHASE_TWO)
			.tag("action", action.name())
			.tag("phase", phase)
			.tag("outcome", outcome)
			.timer();
	}

	private long phaseTwoCount(FencedAction action, String phase, String outcome) {
		Timer timer = phaseTwo(action, phase, outcome);
		return (timer != null) ? timer.count() : 0;
	}

	/** The fence row's status, null when there is none. */
	protected Integer fenceStatus(Branch branch) {
		List<Integer> statuses = this.jdbc.queryForList(
				"SELECT status FROM tcc_fence_log WHERE xid = ? AND branch_id = ?", Integer.class, branch.xid(),
				branch.branchId());
		return statuses.isEmpty() ? null : statuses.get(0);
	}

	/** Runs both at once (released together) and answers their results in order. */
	@SafeVarargs
	private static <T> List<T> race(java.util.concurrent.Callable<T>... calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (var call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(RACE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Set<String> contextParameters(Method method) {
		Set<String> names = new LinkedHashSet<>();
		for (Annotation[] annotations : method.getParameterAnnotations()) {
			for (Annotation annotation : annotations) {
				if (annotation instanceof BusinessActionContextParameter parameter) {
					names.add(parameter.paramName().isEmpty() ? parameter.value() : parameter.paramName());
				}
			}
		}
		return names;
	}

	private static String codeOf(Throwable refusal) {
		return (refusal instanceof BusinessException business) ? business.code() : refusal.getClass().getSimpleName();
	}

	private record Attempt(Object value, Throwable refusal) {

	}

	/** A branch of a global transaction, as the coordinator would identify it. */
	protected record Branch(String xid, long branchId) {

		static Branch first() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			return new Branch("127.0.0.1:8091:" + random.nextLong(1, Long.MAX_VALUE),
					random.nextLong(1, Long.MAX_VALUE / 2));
		}

		/** Another branch of the same global transaction. */
		Branch retry() {
			return new Branch(this.xid, this.branchId + 1);
		}

		/** The context Seata hands the Try and phase two of this branch. */
		BusinessActionContext context(FencedAction action) {
			BusinessActionContext ctx = new BusinessActionContext(this.xid, String.valueOf(this.branchId),
					new HashMap<>(action.actionContext()));
			ctx.setActionName(action.name());
			return ctx;
		}

	}

}
