package io.tccmall.bench.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Timing}s of the current bench step by name. Gatling creates the simulation
 * itself, in this JVM: this is where its virtual users and the bench's main thread meet.
 */
public final class Timings {

	private static final Map<String, Timing> TIMINGS = new ConcurrentHashMap<>();

	private Timings() {
	}

	public static Timing of(String name) {
		return TIMINGS.computeIfAbsent(name, n -> new Timing());
	}

	/** Forgets every timing (before a step, so a warm-up does not count). */
	public static void reset() {
		TIMINGS.clear();
	}

}
