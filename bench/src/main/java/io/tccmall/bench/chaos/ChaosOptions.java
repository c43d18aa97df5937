package io.tccmall.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

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
		long seed = System.nanoTime() % 1_000_000;
		int concurrency = 6;
		Duration converge = Duration.ofMinutes(3);
		int replicas = 1;
		Set<FaultKind> kinds = EnumSet.allOf(FaultKind.class);
		String gateway = "http://127.0.0.1:8080";
		Path tccmall = Path.of("tccmall");
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("option " + name + " needs a value");
			}
			String value = args[++i];
			switch (name) {
				case "--mode" -> mode = value;
				case "--duration" -> duration = duration(value);
				case "--seed" -> seed = Long.parseLong(value);
				case "--concurrency" -> concurrency = Integer.parseInt(value);
				case "--converge" -> converge = duration(value);
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

	/** 90s, 10m, 1h or an ISO-8601 duration. */
	static Duration duration(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("pt")) {
			return Duration.parse(value);
		}
		if (!value.matches("\\d+[smh]")) {
			throw new IllegalArgumentException("a duration such as 90s, 10m or 1h, not " + text);
		}
		long amount = Long.parseLong(value.substring(0, value.length() - 1));
		return switch (value.charAt(value.length() - 1)) {
			case 's' -> Duration.ofSeconds(amount);
			case 'm' -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
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
