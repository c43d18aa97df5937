package io.tccmall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tccmall.bench.check.InvariantCheck;
import io.tccmall.bench.load.LoadRun;
import io.tccmall.bench.load.Simulations;
import io.tccmall.bench.rawsql.RawSqlBound;
import io.tccmall.bench.report.ConsoleReport;
import io.tccmall.bench.report.IndexPage;
import io.tccmall.bench.report.Summary;
import io.tccmall.bench.seed.Seeder;
import io.tccmall.bench.stats.PartCpu;
import io.tccmall.bench.stats.ServerWork;
import io.tccmall.bench.stats.Timing;
import io.tccmall.bench.stats.Timings;

import static io.tccmall.bench.report.Summary.round;

/**
 * {@code ./tccmall bench}: seeds, runs the scenario through the gateway with Gatling,
 * measures the raw-SQL and gateway bounds at the same concurrency, checks the invariants,
 * prints the figures and writes the reports. Exit status 0, or 1 when an invariant is
 * violated (errors of the load are figures, not a failure of the tool), 2 for bad
 * options.
 */
public final class Bench {

	private static final Duration SETTLE = Duration.ofSeconds(30);

	private final BenchOptions options;

	private final BenchData data;

	private final Databases databases = Databases.fromEnvironment();

	private Bench(BenchOptions options) {
		this.options = options;
		this.data = new BenchData(options.users(), options.skus(), options.hotRatio());
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("bench: " + ex.getMessage());
			System.exit(2);
			return;
		}
		Summary summary = new Bench(options).run();
		System.exit(summary.invariantsOk() ? 0 : 1);
	}

	private Summary run() throws Exception {
		String startedAt = Instant.now().toString();
		Path dir = this.options.reportDir().toAbsolutePath();
		Files.createDirectories(dir);
		new Seeder(this.options.gateway(), Tokens.fromEnvironment(Duration.ofHours(1))).seed(this.data);

		Class<? extends io.gatling.javaapi.core.Simulation> simulation = Simulations.of(this.options.scenario());
		if (!this.options.warmup().isZero()) {
			System.out.printf("warm-up: %d s, not measured%n", this.options.warmup().toSeconds());
			LoadRun.run(simulation, settings(this.options.warmup()), dir.resolve("warmup"), "warm-up", false);
		}
		ServerWork before = ServerWork.read(this.databases);
		Optional<PartCpu> cpu = PartCpu.start(this.options.parts());
		Path loadReport = LoadRun.run(simulation, settings(this.options.duration()), dir,
				this.options.scenario().cliName() + ", concurrency " + this.options.concurrency(), true);
		Timing load = Timings.of(this.options.scenario().operation());
		double[] work = ServerWork.read(this.databases).perOperation(before, load.ok());
		cpu.ifPresent(PartCpu::close);
		PartCpu.Usage usage = cpu.map(c -> c.usage(load, load.ok())).orElse(PartCpu.Usage.NONE);

		Timing raw = new Timing();
		Path gatewayReport = null;
		Timing viaGateway = new Timing();
		Timing direct = new Timing();
		if (!this.options.boundDuration().isZero()) {
			raw = new RawSqlBound(this.databases, this.data).run(this.options.concurrency(),
					this.options.boundDuration());
			System.out.printf("gateway bound: GET /api/products/{sku} via %s, then direct to %s ...%n",
					this.options.gateway(), this.options.direct());
			gatewayReport = LoadRun.run(Simulations.gatewayBound(), settings(this.options.boundDuration()), dir,
					"gateway bound, concurrency " + this.options.concurrency(), true);
			viaGateway = Timings.of("gateway");
			direct = Timings.of("direct");
		}

		System.out.println("checking the invariants of the bench's skus and users ...");
		List<String> violations = new InvariantCheck(this.databases).violations(SETTLE);
		Summary summary = summary(load, new Summary.Database(round(work[0]), round(work[1])), usage, raw, viaGateway,
				direct, violations, dir.resolve("index.html"), startedAt);
		summary.write(dir.resolve("summary.json"));
		if (this.options.summary() != null) {
			summary.write(this.options.summary());
		}
		IndexPage.write(dir, summary, loadReport, gatewayReport);
		ConsoleReport.print(summary, System.out);
		return summary;
	}

	private Map<String, String> settings(Duration duration) {
		return Map.of("bench.gateway", this.options.gateway(), "bench.direct", this.options.direct(),
				"bench.concurrency", String.valueOf(this.options.concurrency()), "bench.durationMs",
				String.valueOf(duration.toMillis()), "bench.users", String.valueOf(this.data.users()), "bench.skus",
				String.valueOf(this.data.skus()), "bench.hotRatio", String.valueOf(this.data.hotRatio()));
	}

	private Summary summary(Timing load, Summary.Database database, PartCpu.Usage cpu, Timing raw, Timing viaGateway,
			Timing direct, List<String> violations, Path report, String startedAt) {
		Summary.Gateway gateway = new Summary.Gateway(round(viaGateway.perSecond()), round(direct.perSecond()),
				round(viaGateway.percentileMs(50)), round(direct.percentileMs(50)), round(viaGateway.percentileMs(99)),
				round(direct.percentileMs(99)), round(viaGateway.percentileMs(50) - direct.percentileMs(50)),
				viaGateway.failed() + direct.failed());
		Summary.HopCeiling hopCeiling = Summary.HopCeiling.of(this.options.scenario().gatewayRequests(),
				this.options.scenario().serviceCalls(), viaGateway.perSecond(), direct.perSecond(), raw.perSecond());
		return new Summary(this.options.scenario().cliName(), this.options.scenario().operation(),
				this.options.concurrency(), round(load.seconds()), this.data.users(), this.data.skus(),
				this.data.hotRatio(), load.ok(), round(load.perSecond()), load.failed(), round(load.percentileMs(50)),
				round(load.percentileMs(95)), round(load.percentileMs(99)), round(load.meanMs()), database, cpu,
				round(raw.perSecond()), raw.ok(), raw.failed(), round(raw.percentileMs(50)),
				round(raw.percentileMs(95)), round(raw.percentileMs(99)),
				Summary.ratio(load.perSecond(), raw.perSecond()), gateway, hopCeiling, violations.isEmpty(),
				violations.stream().limit(20).toList(), report.toString(), startedAt, machine());
	}

	private static String machine() {
		return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", "
				+ System.getProperty("os.name") + " " + System.getProperty("os.arch");
	}

}
