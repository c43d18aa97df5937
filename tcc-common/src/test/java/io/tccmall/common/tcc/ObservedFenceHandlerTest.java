package io.tccmall.common.tcc;

import java.lang.reflect.Method;
import java.util.Date;
import java.util.HashMap;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.seata.common.exception.FrameworkErrorCode;
import org.apache.seata.common.exception.SkipCallbackWrapperException;
import org.apache.seata.common.executor.Callback;
import org.apache.seata.integration.tx.api.fence.FenceHandler;
import org.apache.seata.integration.tx.api.fence.exception.CommonFenceException;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the wrapper counts from the fence's answers alone (the fence rows' part is shown
 * against Seata's real fence and database by every module's FenceDisorderIT).
 */
class ObservedFenceHandlerTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final TccMetrics metrics = new TccMetrics(this.meters);

	@BeforeEach
	void registerAtZero() {
		this.metrics.register(List.of("stock-reserve", "coupon-lock", "wallet-debit"));
	}

	@Test
	void shouldCountATryRefusedBecauseItsBranchWasRolledBackAlready() {
		RuntimeException duplicate = new SkipCallbackWrapperException(
				new CommonFenceException("duplicate", FrameworkErrorCode.DuplicateKeyException));
		ObservedFenceHandler fence = handler(new StubFence(duplicate, true));

		assertThatThrownBy(() -> fence.prepareFence("x:1", 1L, "stock-reserve", () -> "tried")).isSameAs(duplicate);

		assertThat(hits("suspension_prevented", "stock-reserve")).isEqualTo(1);
	}

	@Test
	void shouldNotCountATryThatFailedForAnotherReason() {
		RuntimeException failure = new SkipCallbackWrapperException(new IllegalStateException("out of stock"));
		ObservedFenceHandler fence = handler(new StubFence(failure, true));

		assertThatThrownBy(() -> fence.prepareFence("x:1", 1L, "stock-reserve", () -> "tried")).isSameAs(failure);

		assertThat(hits("suspension_prevented", "stock-reserve")).isZero();
	}

	@Test
	void shouldTimeARefusedConfirmAsAnErrorOfItsAction() throws Exception {
		ObservedFenceHandler fence = handler(new StubFence(null, false));

		assertThat(fence.commitFence(method(), this, "x:1", 1L, new Object[] { context("coupon-lock") })).isFalse();

		assertThat(this.meters.get(TccMetrics.PHASE_TWO)
			.tags("action", "coupon-lock", "phase", "confirm", "outcome", "error")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void shouldCountNoFenceHitWhenTheFenceRowCannotBeRead() throws Exception {
		ObservedFenceHandler fence = handler(new StubFence(null, true));

		assertThat(fence.rollbackFence(method(), this, "x:1", 1L, new Object[] { context("wallet-debit") },
				"wallet-debit"))
			.isTrue();

		assertThat(this.meters.get(TccMetrics.PHASE_TWO)
			.tags("action", "wallet-debit", "phase", "cancel", "outcome", "ok")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.find(TccMetrics.FENCE_HITS).counters()).allSatisfy(c -> assertThat(c.count()).isZero());
	}

	private ObservedFenceHandler handler(FenceHandler delegate) {
		// no DataSource: the fence row is unknown
		return new ObservedFenceHandler(delegate, () -> null, this.metrics);
	}

	private double hits(String kind, String action) {
		return this.meters.get(TccMetrics.FENCE_HITS).tags("kind", kind, "action", action).counter().count();
	}

	private static BusinessActionContext context(String action) {
		BusinessActionContext context = new BusinessActionContext("x:1", "1", new HashMap<>());
		context.setActionName(action);
		return context;
	}

	private static Method method() throws NoSuchMethodException {
		return Object.class.getMethod("toString");
	}

	/**
	 * Answers every phase two with {@code answer}; the Try throws {@code refusal} if set.
	 */
	private record StubFence(RuntimeException refusal, boolean answer) implements FenceHandler {

		@Override
		public Object prepareFence(String xid, Long branchId, String actionName, Callback<Object> targetCallback) {
			if (this.refusal != null) {
				throw this.refusal;
			}
			try {
				return targetCallback.execute();
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public boolean commitFence(Method commitMethod, Object targetTCCBean, String xid, Long branchId,
				Object[] args) {
			return this.answer;
		}

		@Override
		public boolean rollbackFence(Method rollbackMethod, Object targetTCCBean, String xid, Long branchId,
				Object[] args, String actionName) {
			return this.answer;
		}

		@Override
		public int deleteFenceByDate(Date datetime) {
			return 0;
		}

	}

}
