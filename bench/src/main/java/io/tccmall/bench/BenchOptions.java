package io.tccmall.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one bench run does, from the command line ({@code ./tccmall bench} passes its
 * options through, plus where the stack is).
 *
 * @param scenario checkout, cancel, hot-sku or browse
 * @param concurrency virtual users at once (closed model)
 * @param duration how long the measured load runs
 * @param warmup load before the measured run, not reported
 * @param boundDuration how long each bound (raw SQL, gateway) runs
 * @param users distinct shoppers (funded wallets)
 * @param skus distinct products (deep stock), besides the hot sku
 * @param hotRatio share of orders that buy the hot sku
 * @param gateway base URL of the gateway
 * @param direct base URL of one inventory-service instance, for the gateway bound
 * @param reportDir where the Gatling reports and the summary go
 * @param summary JSON summary file, or null
 * @param parts the stack's {@code parts} file (name, port, pid of what
 * {@code ./tccmall up} started), for the CPU per part; null when unknown
 */
public record BenchOptions(Scenario scenario, int concurrency, Duration duration, Duration warmup,
		Duration boundDuration, int users, int skus, double hotRatio, String gateway, String direct, Path reportDir,
		Path summary, Path parts) {

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

	public BenchOptions {
		require(concurrency >= 1 && concurrency <= 1000, "--concurrency must be 1..1000");
		require(!duration.isZero() && !duration.isNegative(), "--duration must be positive");
		require(!boundDuration.isNegative(), "--bound-duration must not be negative");
		require(users >= 1 && users <= 100_000, "--users must be 1..100000");
		require(skus >= 1 && skus <= 100_000, "--skus must be 1..100000");
		require(hotRatio >= 0 && hotRatio <= 1, "--hot-ratio must be 0..1");
	}

	public static BenchOptions parse(String... args) {
		Scenario scenario = Scenario.CHECKOUT;
		int concurrency = 8;
		Duration duration = Duration.ofSeconds(60);
		Duration warmup = Duration.ZERO;
		Duration boundDuration = null;
		int users = 200;
		int skus = 100;
		Double hotRatio = null;
		String gateway = "http://127.0.0.1:8080";
		String direct = "http://127.0.0.1:8082";
		Path reportDir = Path.of("bench-report");
		Path summary = null;
		Path parts = null;
		List<String> rest = new ArrayList<>(List.of(args));
		while (!rest.isEmpty()) {
			String option = rest.remove(0);
			String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : null;
			String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
			if (value == null) {
				require(!rest.isEmpty(), name + " needs a value");
				value = rest.remove(0);
			}
			switch (name) {
				case "--scenario" -> scenario = Scenario.of(value);
				case "--concurrency" -> concurrency = integer(name, value);
				case "--duration" -> duration = duration(name, value);
				case "--warmup" -> warmup = duration(name, value);
				case "--bound-duration" -> boundDuration = duration(name, value);
				case "--users" -> users = integer(name, value);
				case "--skus" -> skus = integer(name, value);
				case "--hot-ratio" -> hotRatio = ratio(name, value);
				case "--gateway" -> gateway = value;
				case "--direct" -> direct = value;
				case "--report-dir" -> reportDir = Path.of(value);
				case "--summary" -> summary = Path.of(value);
				case "--parts" -> parts = Path.of(value);
				default -> throw new IllegalArgumentException("unknown option " + name);
			}
		}
		if (boundDuration == null) {
			boundDuration = (duration.compareTo(Duration.ofSeconds(20)) < 0) ? duration : Duration.ofSeconds(20);
		}
		return new BenchOptions(scenario, concurrency, duration, warmup, boundDuration, users, skus,
				(hotRatio != null) ? hotRatio : scenario.defaultHotRatio(), gateway, direct, reportDir, summary, parts);
	}

	/**
	 * 60s, 2m, 500ms (a bare number is seconds); the chaos runner reads its durations
	 * alike.
	 */
	public static Duration duration(String name, String value) {
		Matcher matcher = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
		require(matcher.matches(), name + " takes a duration like 60s, 2m or 500ms, not '" + value + "'");
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofSeconds(amount);
		};
	}

	private static int integer(String name, String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
		}
	}

	private static double ratio(String name, String value) {
		try {
			return Double.parseDouble(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " takes a number from 0 to 1, not '" + value + "'");
		}
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
