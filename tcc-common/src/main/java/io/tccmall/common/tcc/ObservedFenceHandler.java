package io.tccmall.common.tcc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.time.Duration;
import java.util.Date;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.tccmall.common.tcc.TccMetrics.FenceHit;
import org.apache.seata.common.exception.FrameworkErrorCode;
import org.apache.seata.common.executor.Callback;
import org.apache.seata.integration.tx.api.fence.FenceHandler;
import org.apache.seata.integration.tx.api.fence.constant.CommonFenceConstant;
import org.apache.seata.integration.tx.api.fence.exception.CommonFenceException;
import org.apache.seata.integration.tx.api.fence.store.CommonFenceDO;
import org.apache.seata.integration.tx.api.fence.store.db.CommonFenceStoreDataBaseDAO;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seata's fence ({@code SpringFenceHandler}) with metrics around it. Every fenced TCC
 * action goes through here: Seata's {@code TccActionInterceptorHandler} (Try) and
 * {@code TCCResourceManager} (Confirm/Cancel) call {@code DefaultCommonFenceHandler},
 * which delegates to the handler installed by {@link TccMetricsAutoConfiguration}.
 * <p>
 * The fence does not report what it did, so the branch's fence row is read before a
 * phase-two delivery (one primary-key lookup): no row before a Cancel is an empty
 * rollback; a row already COMMITTED (Confirm) or ROLLBACKED/SUSPENDED (Cancel) makes it a
 * repeated delivery. A Try refused with {@code DuplicateKeyException} is a prevented
 * suspension. Two deliveries racing for one branch both read TRIED, so the loser of such
 * a race is not counted as repeated.
 */
public class ObservedFenceHandler implements FenceHandler {

	private static final Logger log = LoggerFactory.getLogger(ObservedFenceHandler.class);

	/** {@link #fenceStatus}: the branch has no fence row. */
	static final int NO_ROW = 0;

	/**
	 * {@link #fenceStatus}: the row could not be read (then nothing is counted as a hit).
	 */
	static final int UNKNOWN = -1;

	private final FenceHandler delegate;

	private final Supplier<DataSource> dataSource;

	private final TccMetrics metrics;

	public ObservedFenceHandler(FenceHandler delegate, Supplier<DataSource> dataSource, TccMetrics metrics) {
		this.delegate = delegate;
		this.dataSource = dataSource;
		this.metrics = metrics;
	}

	@Override
	public Object prepareFence(String xid, Long branchId, String actionName, Callback<Object> targetCallback) {
		try {
			return this.delegate.prepareFence(xid, branchId, actionName, targetCallback);
		}
		catch (RuntimeException ex) {
			if (isDuplicateFenceRow(ex)) {
				this.metrics.fenceHit(FenceHit.SUSPENSION_PREVENTED, actionName);
			}
			throw ex;
		}
	}

	@Override
	public boolean commitFence(Method commitMethod, Object targetTCCBean, String xid, Long branchId, Object[] args) {
		String action = actionName(args, commitMethod);
		int before = fenceStatus(xid, branchId);
		long start = System.nanoTime();
		boolean ok = false;
		try {
			ok = this.delegate.commitFence(commitMethod, targetTCCBean, xid, branchId, args);
			if (ok && before == CommonFenceConstant.STATUS_COMMITTED) {
				this.metrics.fenceHit(FenceHit.REPEATED_PHASE_TWO, action);
			}
			return ok;
		}
		finally {
			this.metrics.phaseTwo(action, TccMetrics.CONFIRM, ok, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	@Override
	public boolean rollbackFence(Method rollbackMethod, Object targetTCCBean, String xid, Long branchId, Object[] args,
			String actionName) {
		String action = (actionName != null) ? actionName : actionName(args, rollbackMethod);
		int before = fenceStatus(xid, branchId);
		long start = System.nanoTime();
		boolean ok = false;
		try {
			ok = this.delegate.rollbackFence(rollbackMethod, targetTCCBean, xid, branchId, args, actionName);
			if (ok) {
				FenceHit hit = rollbackHit(before);
				if (hit != null) {
					this.metrics.fenceHit(hit, action);
				}
			}
			return ok;
		}
		finally {
			this.metrics.phaseTwo(action, TccMetrics.CANCEL, ok, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	@Override
	public int deleteFenceByDate(Date datetime) {
		return this.delegate.deleteFenceByDate(datetime);
	}

	private static FenceHit rollbackHit(int before) {
		if (before == NO_ROW) {
			return FenceHit.EMPTY_ROLLBACK;
		}
		if (before == CommonFenceConstant.STATUS_ROLLBACKED || before == CommonFenceConstant.STATUS_SUSPENDED) {
			return FenceHit.REPEATED_PHASE_TWO;
		}
		return null;
	}

	/** The branch's fence row status, {@link #NO_ROW} or {@link #UNKNOWN}. */
	private int fenceStatus(String xid, Long branchId) {
		DataSource source = this.dataSource.get();
		if (source == null) {
			return UNKNOWN;
		}
		try (Connection connection = source.getConnection()) {
			CommonFenceDO row = CommonFenceStoreDataBaseDAO.getInstance().queryCommonFenceDO(connection, xid, branchId);
			return (row != null) ? row.getStatus() : NO_ROW;
		}
		catch (Exception ex) {
			// metrics must never fail phase two; the fence itself reads the row again
			log.debug("Could not read the fence row of {} / {}", xid, branchId, ex);
			return UNKNOWN;
		}
	}

	private static String actionName(Object[] args, Method method) {
		if (args != null) {
			for (Object arg : args) {
				if (arg instanceof BusinessActionContext context && context.getActionName() != null) {
					return context.getActionName();
				}
			}
		}
		return method.getDeclaringClass().getSimpleName();
	}

	private static boolean isDuplicateFenceRow(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CommonFenceException fence
					&& fence.getErrcode() == FrameworkErrorCode.DuplicateKeyException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
