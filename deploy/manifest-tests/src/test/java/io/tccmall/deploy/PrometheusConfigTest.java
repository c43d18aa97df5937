package io.tccmall.deploy;

import static io.tccmall.deploy.Repo.at;
import static io.tccmall.deploy.Repo.list;
import static io.tccmall.deploy.Repo.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The scrape configs of deploy/prometheus reach every app of the stack they are for, on
 * /actuator/prometheus.
 */
class PrometheusConfigTest {

	private static Map<String, Map<String, Object>> jobs(String file) {
		Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
		for (Object job : list(Repo.yaml(Repo.path(file)).get("scrape_configs"))) {
			jobs.put((String) map(job).get("job_name"), map(job));
		}
		return jobs;
	}

	@Test
	void theLocalConfigScrapesEveryAppAndTheSecondReplicaOfEveryBackendService() {
		Map<String, Map<String, Object>> jobs = jobs("deploy/prometheus/prometheus.yml");
		Map<String, Integer> ports = Repo.localPorts();
		assertThat(jobs).containsOnlyKeys(ports.keySet());
		ports.forEach((app, port) -> {
			List<Object> targets = new ArrayList<>();
			list(jobs.get(app).get("static_configs")).forEach((c) -> targets.addAll(list(map(c).get("targets"))));
			List<String> expected = new ArrayList<>(List.of("127.0.0.1:" + port));
			if (!app.equals("gateway")) {
				// ./tccmall up --replicas 2: replica i listens on port + 100 * (i - 1)
				expected.add("127.0.0.1:" + (port + 100));
			}
			assertThat(targets).as(app).containsExactlyElementsOf(expected);
			assertThat(jobs.get(app)).as(app).containsEntry("metrics_path", "/actuator/prometheus");
		});
		assertThat(map(jobs.get("gateway").get("authorization"))).as("the gateway's scraper token")
			.containsEntry("type", "Bearer")
			.containsEntry("credentials_file", "../../.run/prometheus.token");
	}

	@Test
	void theComposeConfigFindsEveryReplicaOfEveryAppOfTheComposeFile() {
		Map<String, Map<String, Object>> jobs = jobs("deploy/prometheus/prometheus-compose.yml");
		Map<String, Object> services = map(Repo.yaml(Repo.path("deploy/compose/docker-compose.yml")).get("services"));
		Map<String, Integer> apps = new LinkedHashMap<>();
		services.forEach((name, s) -> {
			Object port = at(map(s), "build.args.PORT");
			if (port != null) {
				apps.put(name, Integer.parseInt(port.toString()));
			}
		});
		assertThat(apps).as("apps of the compose file").containsOnlyKeys(Repo.APP_PORT_VARIABLES.keySet());
		assertThat(jobs).containsOnlyKeys(apps.keySet());
		apps.forEach((app, port) -> {
			assertThat(list(jobs.get(app).get("dns_sd_configs"))).as(app)
				.containsExactly(Map.of("names", List.of(app), "type", "A", "port", port));
			assertThat(jobs.get(app)).as(app).containsEntry("metrics_path", "/actuator/prometheus");
		});
		assertThat(map(jobs.get("gateway").get("authorization"))).as("the gateway's scraper token")
			.containsEntry("type", "Bearer")
			.containsEntry("credentials_file", "/etc/prometheus/gateway.token");
		assertThat(list(at(map(services.get("prometheus")), "volumes")))
			.anySatisfy(volume -> assertThat(volume.toString()).endsWith(":/etc/prometheus/gateway.token:ro"));
	}

}
