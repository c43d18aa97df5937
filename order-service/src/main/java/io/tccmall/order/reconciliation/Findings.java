package io.tccmall.order.reconciliation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tccmall.common.reconciliation.CheckResult;

/**
 * Collects what one check finds: violations, and the same kind of finding about rows
 * changed so recently that a transaction may still be finishing (in flight, listed in the
 * details but not a violation).
 */
final class Findings {

	private static final int MAX_IN_FLIGHT_LISTED = 20;

	private final List<String> violations = new ArrayList<>();

	private final List<String> inFlight = new ArrayList<>();

	private final Map<String, Object> details = new LinkedHashMap<>();

	void add(boolean young, String finding) {
		(young ? this.inFlight : this.violations).add(finding);
	}

	void violation(String finding) {
		this.violations.add(finding);
	}

	void detail(String key, Object value) {
		this.details.put(key, value);
	}

	CheckResult result(String name) {
		Map<String, Object> all = new LinkedHashMap<>(this.details);
		all.put("inFlight", this.inFlight.size());
		if (!this.inFlight.isEmpty()) {
			all.put("inFlightFindings", this.inFlight.subList(0, Math.min(this.inFlight.size(), MAX_IN_FLIGHT_LISTED)));
		}
		return CheckResult.of(name, this.violations, all);
	}

}
