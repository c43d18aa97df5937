package io.tccmall.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tccmall.bench.BenchOptions;

/**
 * What a chaos run does: how long the load lasts, the seed that picks the faults and
 * their timing, and where the stack is.
 *
 * @param mode {@code chaos} (SIGKILL and restart at random points) or {@code rolling} (a
 * graceful restart of every backend instance, one after the other)
 */
record ChaosOptions(String mode, Duration duration, long seed, int concurrency, Duration converge, int replicas,
		Set<FaultKind> kinds, String gateway, Path tccmall) {

	static ChaosOptions parse(String... args) {
		String mode = "chaos";
		Duration duration = Duration.ofMinutes(10);
		long seed = Math.floorMod(System.nanoTime(), 1_000_000L);
		int concurrency = 6;
		Duration converge = Duration.ofMinutes(3);
		int replicas = 1;
		Set<FaultKind> kinds = EnumSet.allOf(FaultKind.class);
		String gateway = "http://127.0.0.1:8080";
		Path tccmall = Path.of("tccmall");
		List<String> rest = new ArrayList<>(List.of(args));
		while (!rest.isEmpty()) {
			String option = rest.remove(0);
			String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : null;
			String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
			if (value == null) {
				if (rest.isEmpty()) {
					throw new IllegalArgumentException(name + " needs a value");
				}
				value = rest.remove(0);
			}
			switch (name) {
				case "--mode" -> mode = value;
				case "--duration" -> duration = BenchOptions.duration(name, value);
				case "--seed" -> seed = Long.parseLong(value);
				case "--concurrency" -> concurrency = Integer.parseInt(value);
				case "--converge" -> converge = BenchOptions.duration(name, value);
				case "--replicas" -> replicas = Integer.parseInt(value);
				case "--faults" -> kinds = kinds(value);
				case "--gateway" -> gateway = value;
				case "--tccmall" -> tccmall = Path.of(value);
				default -> throw new IllegalArgumentException("unknown option " + name);
			}
		}
		if (!mode.equals("chaos") && !mode.equals("rolling")) {
			throw new IllegalArgumentException("--mode is chaos or rolling, not " + mode);
		}
		if (concurrency < 1 || replicas < 1) {
			throw new IllegalArgumentException("--concurrency and --replicas must be at least 1");
		}
		return new ChaosOptions(mode, duration, seed, concurrency, converge, replicas, kinds, gateway, tccmall);
	}

	private static Set<FaultKind> kinds(String list) {
		Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
		for (String kind : list.split(",")) {
			kinds.add(FaultKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)));
		}
		if (kinds.isEmpty()) {
			throw new IllegalArgumentException("--faults names at least one of participant,order,tc,redis,kafka");
		}
		return kinds;
	}

}
