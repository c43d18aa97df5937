package io.tccmall.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code index.html} of a bench run: the figures and the bounds, with links to Gatling's
 * HTML reports (throughput and latency over time) of the load and of the gateway bound.
 */
public final class IndexPage {

	private IndexPage() {
	}

	public static Path write(Path dir, Summary s, Path loadReport, Path gatewayReport) throws IOException {
		Summary.Gateway g = s.gateway();
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>tccmall bench ")
			.append(escape(s.scenario()))
			.append("</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em 1em;text-align:left}"
					+ "tr:nth-child(even){background:#f4f4f4}</style></head><body>")
			.append("<h1>tccmall bench: ")
			.append(escape(s.scenario()))
			.append("</h1><p>")
			.append(escape(s.startedAt()))
			.append(", ")
			.append(escape(s.machine()))
			.append("</p><table>");
		row(html, "concurrency / duration", s.concurrency() + " virtual users, " + s.durationSeconds() + " s");
		row(html, "users / skus / hot ratio", s.users() + " / " + s.skus() + " / " + s.hotRatio());
		row(html, s.operation() + "s per second",
				s.checkoutsPerSecond() + " (" + s.checkouts() + " ok, " + s.errors() + " errors)");
		row(html, s.operation() + " latency", "p50 " + s.p50Ms() + " ms, p95 " + s.p95Ms() + " ms, p99 " + s.p99Ms()
				+ " ms, mean " + s.meanMs() + " ms");
		row(html, "database work per " + s.operation() + " (the whole stack)", s.database().statementsPerOperation()
				+ " statements, " + s.database().commitsPerOperation() + " commits");
		if (!s.cpu().msPerOperation().isEmpty()) {
			row(html, "CPU per " + s.operation() + " (each part of the stack, the bench's JVM included)",
					s.cpu().describe());
		}
		row(html, "raw-SQL bound", s.rawSqlPerSecond() + " /s (p50 " + s.rawSqlP50Ms() + " ms, p95 " + s.rawSqlP95Ms()
				+ " ms, p99 " + s.rawSqlP99Ms() + " ms, " + s.rawSqlErrors() + " errors)");
		row(html, "ratio " + s.operation() + "/s ÷ raw-SQL/s", String.valueOf(s.ratio()));
		row(html, "gateway bound (GET /api/products/{sku})",
				"via gateway " + g.viaGatewayPerSecond() + " /s, p50 " + g.viaGatewayP50Ms() + " ms, p99 "
						+ g.viaGatewayP99Ms() + " ms; direct " + g.directPerSecond() + " /s, p50 " + g.directP50Ms()
						+ " ms, p99 " + g.directP99Ms() + " ms; overhead p50 " + g.overheadP50Ms() + " ms");
		Summary.HopCeiling h = s.hopCeiling();
		row(html, "hop ceiling (" + h.gatewayRequests() + " requests via the gateway + " + h.serviceCalls()
				+ " direct, nothing else)", h.operationsPerSecond() + " /s, ratio " + h.ratio());
		row(html, "invariants", s.invariantsOk() ? "OK" : "VIOLATED: " + String.join("; ", s.invariantViolations()));
		html.append("</table><h2>Gatling reports</h2><ul>");
		link(html, dir, loadReport, "load: " + s.scenario());
		link(html, dir, gatewayReport, "gateway bound");
		html.append("</ul><p>Figures as JSON: <a href=\"summary.json\">summary.json</a></p></body></html>\n");
		Path index = dir.resolve("index.html");
		Files.writeString(index, html, StandardCharsets.UTF_8);
		return index;
	}

	private static void row(StringBuilder html, String name, String value) {
		html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>");
	}

	private static void link(StringBuilder html, Path dir, Path report, String name) {
		if (report != null) {
			html.append("<li><a href=\"")
				.append(escape(dir.relativize(report).resolve("index.html").toString()))
				.append("\">")
				.append(escape(name))
				.append("</a></li>");
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
