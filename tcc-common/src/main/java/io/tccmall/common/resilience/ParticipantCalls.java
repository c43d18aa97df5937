package io.tccmall.common.resilience;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.tccmall.common.web.BusinessException;
import org.apache.seata.core.context.RootContext;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;

/**
 * Calls a participant through a Resilience4j circuit breaker and time limiter named after
 * it. The time limiter needs another thread, so the Seata XID and the MDC of the caller
 * are carried onto it: without that the participant's Try would run outside the global
 * transaction. An open circuit or a time-out is a 503 {@code SERVICE_UNAVAILABLE}; a
 * participant's business refusal passes through unchanged and does not count as a failure
 * of the participant.
 */
public class ParticipantCalls {

	private final CircuitBreakerRegistry circuitBreakers;

	private final TimeLimiterRegistry timeLimiters;

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	private final ExecutorService executor;

	public ParticipantCalls(CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters,
			ExecutorService executor) {
		this.circuitBreakers = circuitBreakers;
		this.timeLimiters = timeLimiters;
		this.executor = executor;
	}

	public <T> T call(String participant, Supplier<T> call) {
		CircuitBreaker circuitBreaker = this.circuitBreakers.circuitBreaker(participant);
		TimeLimiter timeLimiter = this.timeLimiters.timeLimiter(participant);
		String xid = RootContext.getXID();
		var mdc = MDC.getCopyOfContextMap();
		ContextSnapshot observation = SNAPSHOTS.captureAll();
		Supplier<CompletableFuture<T>> async = () -> CompletableFuture
			.supplyAsync(() -> withContext(xid, mdc, observation, call), this.executor);
		try {
			return circuitBreaker.executeCallable(() -> timeLimiter.executeFutureSupplier(async));
		}
		catch (CallNotPermittedException ex) {
			throw unavailable(participant, "its circuit is open");
		}
		catch (TimeoutException ex) {
			throw unavailable(participant,
					"it did not answer in " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration());
		}
		catch (BusinessException ex) {
			throw ex;
		}
		catch (ExecutionException | CompletionException ex) {
			throw rethrow(participant, ex.getCause());
		}
		catch (Exception ex) {
			throw rethrow(participant, ex);
		}
	}

	/** {@link #call} for a participant call that answers nothing. */
	public void run(String participant, Runnable call) {
		call(participant, () -> {
			call.run();
			return null;
		});
	}

	/**
	 * Runs independent participant calls of one global transaction at once and returns
	 * when every one of them has ended. The first failure in the order given is thrown
	 * only then, so the global transaction never rolls back while one of its Tries is
	 * still running (the fence would refuse that late Try, but its work would be wasted).
	 */
	public void runAll(List<Runnable> calls) {
		if (calls.size() == 1) {
			calls.get(0).run();
			return;
		}
		String xid = RootContext.getXID();
		var mdc = MDC.getCopyOfContextMap();
		ContextSnapshot observation = SNAPSHOTS.captureAll();
		List<CompletableFuture<Void>> running = calls.stream()
			.map((call) -> CompletableFuture.runAsync(() -> withContext(xid, mdc, observation, () -> {
				call.run();
				return null;
			}), this.executor))
			.toList();
		RuntimeException first = null;
		for (CompletableFuture<Void> future : running) {
			try {
				future.join();
			}
			catch (CompletionException ex) {
				if (first == null) {
					first = (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new IllegalStateException(ex.getCause());
				}
			}
		}
		if (first != null) {
			throw first;
		}
	}

	private static <T> T withContext(String xid, java.util.Map<String, String> mdc, ContextSnapshot observation,
			Supplier<T> call) {
		if (mdc != null) {
			MDC.setContextMap(mdc);
		}
		if (xid != null) {
			RootContext.bind(xid);
		}
		// the current observation (trace span) too: Feign puts its trace context on the
		// call
		try (ContextSnapshot.Scope scope = observation.setThreadLocals()) {
			return call.get();
		}
		finally {
			if (xid != null) {
				RootContext.unbind();
			}
			MDC.clear();
		}
	}

	private static RuntimeException rethrow(String participant, Throwable cause) {
		if (cause instanceof BusinessException business) {
			return business;
		}
		return unavailable(participant, cause.toString());
	}

	private static BusinessException unavailable(String participant, String why) {
		return new BusinessException(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
				participant + " is unavailable (" + why + "); nothing was changed, try again later");
	}

}
