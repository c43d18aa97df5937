package io.tccmall.deploy;

import static io.tccmall.deploy.Repo.list;
import static io.tccmall.deploy.Repo.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus/alerts.yml: loaded by the local config, every rule named, with a
 * severity and a summary, and its expression naming only metrics of metrics.txt.
 */
class PrometheusAlertsTest {

	@Test
	void everyAlertUsesOnlyKnownMetricsAndIsLoadedByTheLocalConfig() {
		Set<String> known = GrafanaDashboardsTest.knownMetrics();
		List<String> alerts = new ArrayList<>();
		for (Object group : list(Repo.yaml(Repo.path("deploy/prometheus/alerts.yml")).get("groups"))) {
			for (Object rule : list(map(group).get("rules"))) {
				String name = (String) map(rule).get("alert");
				String expr = (String) map(rule).get("expr");
				alerts.add(name);
				assertThat(PromQl.metricNames(expr)).as(name).isNotEmpty().isSubsetOf(known);
				assertThat(map(map(rule).get("labels"))).as(name).containsKey("severity");
				assertThat(map(map(rule).get("annotations"))).as(name).containsKey("summary");
			}
		}
		assertThat(alerts).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();
		assertThat(list(Repo.yaml(Repo.path("deploy/prometheus/prometheus.yml")).get("rule_files")))
			.containsExactly("alerts.yml");
	}

}
