package io.tccmall.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import io.tccmall.bench.stats.Timings;

/**
 * Runs one Gatling simulation in this JVM (Gatling's own launcher, as its Maven plugin
 * does in a forked JVM) and answers the directory of its report.
 */
public final class LoadRun {

	static {
		// the percentiles the summary reports: Gatling's report shows these four
		System.setProperty("gatling.charting.indicators.percentile1", "50");
		System.setProperty("gatling.charting.indicators.percentile2", "75");
		System.setProperty("gatling.charting.indicators.percentile3", "95");
		System.setProperty("gatling.charting.indicators.percentile4", "99");
	}

	private LoadRun() {
	}

	/**
	 * @param settings the {@code bench.*} system properties the simulation reads
	 * @param reports whether Gatling writes its HTML report (not for a warm-up)
	 * @return the new results directory under {@code resultsDir}
	 */
	public static Path run(Class<? extends Simulation> simulation, Map<String, String> settings, Path resultsDir,
			String description, boolean reports) {
		settings.forEach(System::setProperty);
		Timings.reset();
		try {
			Files.createDirectories(resultsDir);
			Set<Path> before = children(resultsDir);
			List<String> args = new ArrayList<>(List.of("-s", simulation.getName(), "-rf",
					resultsDir.toAbsolutePath().toString(), "-rd", description, "-l", "tccmall-bench"));
			if (!reports) {
				args.add("-nr");
			}
			int status = Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
			if (status != 0) {
				throw new IllegalStateException("Gatling ended with status " + status + " for " + simulation.getName());
			}
			return children(resultsDir).stream()
				.filter(dir -> !before.contains(dir))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Gatling wrote no results under " + resultsDir));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Set<Path> children(Path dir) throws IOException {
		try (Stream<Path> list = Files.list(dir)) {
			return list.filter(Files::isDirectory).collect(Collectors.toSet());
		}
	}

}
