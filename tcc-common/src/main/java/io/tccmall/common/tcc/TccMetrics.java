package io.tccmall.common.tcc;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The TCC meters: {@code tccmall.tcc.phase.two} (a Timer per action, phase and outcome)
 * and {@code tccmall.fence.hits} (a Counter per kind and action). Low cardinality: the
 * action names are the few {@code @TwoPhaseBusinessAction} names of a service.
 */
public class TccMetrics {

	public static final String PHASE_TWO = "tccmall.tcc.phase.two";

	public static final String FENCE_HITS = "tccmall.fence.hits";

	public static final String CONFIRM = "confirm";

	public static final String CANCEL = "cancel";

	/** What the fence did instead of (or before) calling the action. */
	public enum FenceHit {

		/**
		 * A Cancel with no Try before it: recorded SUSPENDED, the action's Cancel not
		 * called.
		 */
		EMPTY_ROLLBACK("empty_rollback"),
		/** A Try arriving after its branch was rolled back (empty): refused, not run. */
		SUSPENSION_PREVENTED("suspension_prevented"),
		/** A Confirm or Cancel delivered again for a branch that had already ended. */
		REPEATED_PHASE_TWO("repeated_phase_two");

		private final String tag;

		FenceHit(String tag) {
			this.tag = tag;
		}

		public String tag() {
			return this.tag;
		}

	}

	private final MeterRegistry registry;

	public TccMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Registers every meter of these actions at zero, so they are scraped before the
	 * first hit.
	 */
	public void register(Collection<String> actions) {
		for (String action : actions) {
			for (String phase : List.of(CONFIRM, CANCEL)) {
				phaseTwoTimer(action, phase, true);
				phaseTwoTimer(action, phase, false);
			}
			for (FenceHit hit : FenceHit.values()) {
				fenceCounter(hit, action);
			}
		}
	}

	public void phaseTwo(String action, String phase, boolean ok, Duration took) {
		phaseTwoTimer(action, phase, ok).record(took);
	}

	public void fenceHit(FenceHit hit, String action) {
		fenceCounter(hit, action).increment();
	}

	private Timer phaseTwoTimer(String action, String phase, boolean ok) {
		return Timer.builder(PHASE_TWO)
			.description("TCC Confirm/Cancel deliveries through the fence, fence short-cuts included")
			.tag("action", action)
			.tag("phase", phase)
			.tag("outcome", ok ? "ok" : "error")
			.register(this.registry);
	}

	private Counter fenceCounter(FenceHit hit, String action) {
		return Counter.builder(FENCE_HITS)
			.description("TCC fence interventions: empty rollbacks, refused late Tries, repeated phase two")
			.tag("kind", hit.tag())
			.tag("action", action)
			.register(this.registry);
	}

}
