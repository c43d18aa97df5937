package io.tccmall.bench.report;

import java.io.PrintStream;

/** The figures of a run as the last lines of {@code ./tccmall bench}. */
public final class ConsoleReport {

	private ConsoleReport() {
	}

	public static void print(Summary s, PrintStream out) {
		out.println();
		out.println(
				"==== tccmall bench: " + s.scenario() + ", concurrency " + s.concurrency() + ", " + s.durationSeconds()
						+ " s, " + s.users() + " users, " + s.skus() + " skus, hot ratio " + s.hotRatio() + " ====");
		out.printf("  %-28s %10.2f /s   (%d ok, %d errors)%n", s.operation() + "s", s.checkoutsPerSecond(),
				s.checkouts(), s.errors());
		out.printf("  %-28s p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   mean %.1f ms%n", s.operation() + " latency",
				s.p50Ms(), s.p95Ms(), s.p99Ms(), s.meanMs());
		out.printf("  %-28s %.1f statements, %.1f commits per %s (the whole stack)%n", "database work",
				s.database().statementsPerOperation(), s.database().commitsPerOperation(), s.operation());
		if (!s.cpu().msPerOperation().isEmpty()) {
			out.printf("  %-28s %s%n", "CPU per " + s.operation(), s.cpu().describe());
		}
		if (s.boundsMeasured()) {
			out.printf("  %-28s %10.2f /s   (p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors)%n", "raw-SQL bound",
					s.rawSqlPerSecond(), s.rawSqlP50Ms(), s.rawSqlP95Ms(), s.rawSqlP99Ms(), s.rawSqlErrors());
			out.printf("  %-28s %10.4f   (%s/s ÷ raw-SQL/s)%n", "ratio", s.ratio(), s.operation());
			Summary.Gateway g = s.gateway();
			out.printf(
					"  %-28s via gateway %.0f/s p50 %.1f ms p99 %.1f ms | direct %.0f/s p50 %.1f ms p99 %.1f ms"
							+ " | overhead p50 %.1f ms%n",
					"gateway bound", g.viaGatewayPerSecond(), g.viaGatewayP50Ms(), g.viaGatewayP99Ms(),
					g.directPerSecond(), g.directP50Ms(), g.directP99Ms(), g.overheadP50Ms());
			Summary.HopCeiling h = s.hopCeiling();
			out.printf("  %-28s %10.2f /s   ratio %.4f (%d requests via the gateway + %d direct, nothing else)%n",
					"hop ceiling", h.operationsPerSecond(), h.ratio(), h.gatewayRequests(), h.serviceCalls());
		}
		else {
			out.printf("  %-28s not measured (--bound-duration 0)%n", "raw-SQL and gateway bounds");
		}
		out.printf("  %-28s %s%n", "invariants",
				s.invariantsOk() ? "OK" : "VIOLATED: " + String.join("; ", s.invariantViolations()));
		out.printf("  %-28s %s%n", "report", s.report());
	}

}
