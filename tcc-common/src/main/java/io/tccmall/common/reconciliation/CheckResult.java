package io.tccmall.common.reconciliation;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one reconciliation check: {@code ok} when it found no violation. Each
 * violation is one precise sentence naming the rows involved; {@code details} carries
 * counts and findings that are not violations (e.g. transactions still in flight).
 */
public record CheckResult(String name, boolean ok, List<String> violations, Map<String, Object> details) {

	/**
	 * At most this many violations are listed; {@code details.violationCount} has them
	 * all.
	 */
	public static final int MAX_LISTED = 50;

	public CheckResult {
		violations = List.copyOf(violations);
		details = Map.copyOf(details);
	}

	/**
	 * ok exactly when there is no violation; long lists are cut at {@link #MAX_LISTED}.
	 */
	public static CheckResult of(String name, List<String> violations, Map<String, Object> details) {
		if (violations.size() <= MAX_LISTED) {
			return new CheckResult(name, violations.isEmpty(), violations, details);
		}
		Map<String, Object> counted = new java.util.LinkedHashMap<>(details);
		counted.put("violationCount", violations.size());
		return new CheckResult(name, false, violations.subList(0, MAX_LISTED), counted);
	}

	/** The check could not run: a failure too, since nothing says the invariant holds. */
	public static CheckResult unknown(String name, String why) {
		return new CheckResult(name, false, List.of("unknown: " + why), Map.of("unknown", true));
	}

}
