package io.tccmall.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tccmall.bench.stats.PartCpu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The figures of one bench run, as {@code --summary FILE} writes them (JSON, fields in
 * this order). Throughputs are successes per second over the measured window; latencies
 * are end-to-end per iteration (a checkout = place + pay), in milliseconds.
 */
public record Summary(String scenario, String operation, int concurrency, double durationSeconds, int users, int skus,
		double hotRatio, long checkouts, double checkoutsPerSecond, long errors, double p50Ms, double p95Ms,
		double p99Ms, double meanMs, Database database, PartCpu.Usage cpu, double rawSqlPerSecond,
		long rawSqlTransactions, long rawSqlErrors, double rawSqlP50Ms, double rawSqlP95Ms, double rawSqlP99Ms,
		double ratio, Gateway gateway, HopCeiling hopCeiling, boolean invariantsOk, List<String> invariantViolations,
		String report, String startedAt, String machine) {

	/**
	 * The database's own count of the statements and commits it ran during the measured
	 * window, per successful operation, for every service and job of the stack together.
	 */
	public record Database(double statementsPerOperation, double commitsPerOperation) {
	}

	/**
	 * The gateway bound: {@code GET /api/products/{sku}} through the gateway and straight
	 * to the service, at the same concurrency.
	 */
	public record Gateway(double viaGatewayPerSecond, double directPerSecond, double viaGatewayP50Ms,
			double directP50Ms, double viaGatewayP99Ms, double directP99Ms, double overheadP50Ms, long errors) {
	}

	/**
	 * The most the HTTP hops of one operation allow on this machine in this run, with no
	 * other work: its requests through the gateway, each as costly as the gateway bound's
	 * via-gateway request, and its service-to-service calls, each as costly as the
	 * bound's direct request (both with one primary-key read behind them). The bounds'
	 * closed-loop clients saturate this machine (docs/benchmarks.md), so {@code 1 /
	 * (gatewayRequests / via + serviceCalls / direct)} operations per second is a ceiling
	 * no amount of database, TC or event work can raise; {@code ratio} is that ceiling
	 * over the raw-SQL bound.
	 */
	public record HopCeiling(int gatewayRequests, int serviceCalls, double operationsPerSecond, double ratio) {

		public static HopCeiling of(int gatewayRequests, int serviceCalls, double viaGatewayPerSecond,
				double directPerSecond, double rawSqlPerSecond) {
			if (viaGatewayPerSecond <= 0 || directPerSecond <= 0 || rawSqlPerSecond <= 0) {
				return new HopCeiling(gatewayRequests, serviceCalls, 0, 0);
			}
			double perSecond = 1 / (gatewayRequests / viaGatewayPerSecond + serviceCalls / directPerSecond);
			return new HopCeiling(gatewayRequests, serviceCalls, round(perSecond),
					Summary.ratio(perSecond, rawSqlPerSecond));
		}

	}

	/**
	 * False when the run skipped the bounds ({@code --bound-duration 0}): their figures
	 * are 0 then.
	 */
	public boolean boundsMeasured() {
		return this.rawSqlTransactions > 0 || this.gateway.viaGatewayPerSecond() > 0;
	}

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	public void write(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		JSON.writeValue(file.toFile(), this);
	}

	public static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/** {@code part / whole} to four decimals, 0 when nothing was measured. */
	public static double ratio(double part, double whole) {
		return (whole > 0) ? Math.round(part / whole * 10_000) / 10_000.0 : 0;
	}

}
