package io.tccmall.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dashboards in deploy/grafana/dashboards are Grafana JSON whose queries read only
 * the metrics listed in deploy/grafana/metrics.txt (the services' tests check that those
 * exist).
 */
class GrafanaDashboardsTest {

	private static final Path GRAFANA = Repo.path("deploy/grafana");

	private static final ObjectMapper JSON = new ObjectMapper();

	static Stream<Path> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
			return files.filter((f) -> f.toString().endsWith(".json")).sorted().toList().stream();
		}
	}

	static Set<String> knownMetrics() {
		Set<String> names = new HashSet<>();
		for (String line : Repo.read(GRAFANA.resolve("metrics.txt")).split("\n")) {
			String name = line.strip();
			if (!name.isEmpty() && !name.startsWith("#")) {
				assertThat(name).as("metrics.txt line").matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
				assertThat(names.add(name)).as("listed once: " + name).isTrue();
			}
		}
		return names;
	}

	/**
	 * Problems of one dashboard: structure, and every metric its PromQL reads that KNOWN
	 * does not list.
	 */
	static List<String> problems(JsonNode dashboard, Set<String> known) {
		List<String> problems = new ArrayList<>();
		for (String field : List.of("uid", "title", "schemaVersion", "panels")) {
			if (!dashboard.hasNonNull(field)) {
				problems.add("no " + field);
			}
		}
		if (!dashboard.path("panels").isArray() || dashboard.path("panels").isEmpty()) {
			problems.add("no panels");
		}
		Set<Integer> ids = new HashSet<>();
		for (JsonNode panel : dashboard.path("panels")) {
			String title = panel.path("title").asText("(untitled)");
			if (panel.path("type").asText().equals("row")) {
				continue;
			}
			if (!ids.add(panel.path("id").asInt(-1))) {
				problems.add(title + ": id missing or repeated");
			}
			for (String g : List.of("x", "y", "w", "h")) {
				if (!panel.path("gridPos").path(g).isInt()) {
					problems.add(title + ": gridPos." + g + " missing");
				}
			}
			if (!panel.path("targets").isArray() || panel.path("targets").isEmpty()) {
				problems.add(title + ": no targets");
			}
			for (JsonNode target : panel.path("targets")) {
				String expr = target.path("expr").asText("");
				if (expr.isBlank()) {
					problems.add(title + ": a target without expr");
				}
				for (String metric : PromQl.metricNames(expr)) {
					if (!known.contains(metric)) {
						problems.add(title + ": metric " + metric + " is not in metrics.txt");
					}
				}
			}
		}
		return problems;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dashboards")
	void everyPanelQueriesOnlyListedMetrics(Path file) throws IOException {
		JsonNode dashboard = JSON.readTree(file.toFile());
		assertThat(problems(dashboard, knownMetrics())).as(file.getFileName().toString()).isEmpty();
		assertThat(dashboard.path("templating").path("list").findValuesAsText("type")).as("datasource variable")
			.contains("datasource");
	}

	@Test
	void thereAreTheCheckoutAndTheTccDashboardsWithDistinctUids() throws IOException {
		Set<String> uids = new TreeSet<>();
		for (Path file : dashboards().toList()) {
			assertThat(uids.add(JSON.readTree(file.toFile()).path("uid").asText())).as(file.toString()).isTrue();
		}
		assertThat(uids).contains("tccmall-checkout", "tccmall-tcc");
	}

	@Test
	void everyListedTccmallMetricIsUsedByADashboard() throws IOException {
		Set<String> used = new HashSet<>();
		for (Path file : dashboards().toList()) {
			JSON.readTree(file.toFile()).findValuesAsText("expr").forEach((e) -> used.addAll(PromQl.metricNames(e)));
		}
		assertThat(used).as("metrics.txt lists what the dashboards use, no more").containsAll(knownMetrics());
	}

	@Test
	void shouldReportAMetricThatIsNotListed() throws IOException {
		JsonNode dashboard = JSON.readTree(
				"""
						{"uid": "x", "title": "x", "schemaVersion": 39, "panels": [
						  {"id": 1, "type": "timeseries", "title": "p", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
						   "targets": [{"refId": "A", "expr": "sum(rate(tccmall_checkout_seconds_count[5m])) / sum(rate(tccmall_checkouts_total[5m]))"}]}]}
						""");
		assertThat(problems(dashboard, knownMetrics()))
			.containsExactly("p: metric tccmall_checkouts_total is not in metrics.txt");
	}

	@Test
	void shouldReportAPanelWithoutQueries() throws IOException {
		JsonNode dashboard = JSON.readTree("""
				{"uid": "x", "title": "x", "schemaVersion": 39, "panels": [
				  {"id": 1, "type": "timeseries", "title": "p", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}}]}
				""");
		assertThat(problems(dashboard, knownMetrics())).containsExactly("p: no targets");
	}

}
