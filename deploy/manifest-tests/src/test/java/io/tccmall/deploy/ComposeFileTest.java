package io.tccmall.deploy;

import static io.tccmall.deploy.Repo.at;
import static io.tccmall.deploy.Repo.list;
import static io.tccmall.deploy.Repo.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * deploy/compose/docker-compose.yml without Docker: parsed as YAML (anchors and merge
 * keys resolved) and checked for what the stack needs.
 */
class ComposeFileTest {

	private static final Map<String, Object> COMPOSE = Repo.yaml(Repo.path("deploy/compose/docker-compose.yml"));

	private static Map<String, Object> service(String name) {
		return map(at(COMPOSE, "services." + name));
	}

	@Test
	void theWholeStackIsThere() {
		assertThat(map(COMPOSE.get("services")).keySet()).containsExactlyInAnyOrder("mysql", "redis", "kafka",
				"seata-tc", "inventory-service", "payment-service", "coupon-service", "order-service", "gateway",
				"prometheus", "grafana");
	}

	@Test
	void everyAppIsBuiltFromTheDockerfileForItsPortAndWaitsForHealthyDependencies() {
		Map<String, Integer> ports = Repo.localPorts();
		for (String app : Repo.APP_PORT_VARIABLES.keySet()) {
			Map<String, Object> s = service(app);
			assertThat(at(s, "build.dockerfile")).as(app).isEqualTo("deploy/docker/Dockerfile");
			assertThat(at(s, "build.args.MODULE")).as(app).isEqualTo(app);
			assertThat(at(s, "build.args.PORT")).as(app).isEqualTo(String.valueOf(ports.get(app)));
			assertThat(at(s, "healthcheck.test")).as(app + " healthcheck").isNotNull();
			assertThat(map(s.get("depends_on")).values()).as(app)
				.allSatisfy((d) -> assertThat(map(d)).containsEntry("condition", "service_healthy"));
			assertThat(map(s.get("environment"))).as(app).containsEntry("TCCMALL_SEATA_TC", "seata-tc:8091");
		}
		for (String backend : Set.of("inventory-service", "payment-service", "coupon-service", "order-service")) {
			assertThat(at(service(backend), "deploy.replicas")).as(backend).isEqualTo(2);
		}
	}

	@Test
	void theTcRunsInDbStoreModeOnItsOwnDatabaseWithItsSchema() {
		Map<String, Object> tc = service("seata-tc");
		assertThat(at(tc, "build.context")).isEqualTo("../seata-tc");
		Map<String, Object> env = map(tc.get("environment"));
		assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "db");
		assertThat((String) env.get("TCCMALL_TC_DB_URL")).startsWith("jdbc:mysql://mysql:3306/tccmall_seata?");
		assertThat(Repo.read(Repo.path("deploy/compose/mysql-init/01-databases.sql")))
			.contains("CREATE DATABASE IF NOT EXISTS tccmall_seata");
		assertThat(list(at(service("mysql"), "volumes"))).contains("../seata-tc/db:/seata-schema:ro");
		assertThat(Repo.read(Repo.path("deploy/compose/mysql-init/02-seata-schema.sh")))
			.contains("--database=tccmall_seata </seata-schema/mysql.sql");
		assertThat(Repo.path("deploy/seata-tc/db/mysql.sql")).exists();
		assertThat(Files.isExecutable(Repo.path("deploy/compose/mysql-init/02-seata-schema.sh")))
			.as("sourced by the entrypoint, so not executable")
			.isFalse();
	}

	@Test
	void secretsComeFromTheEnvironmentAndAreRequired() {
		map(COMPOSE.get("services")).forEach((name, s) -> {
			Object environment = map(s).get("environment");
			if (environment == null) {
				return;
			}
			map(environment).forEach((key, value) -> {
				if (key.matches(".*(PASSWORD|SECRET|_KEY).*")) {
					assertThat(String.valueOf(value)).as(name + " " + key).matches("\\$\\{[A-Z_]+:\\?.+}");
				}
			});
		});
	}

	@Test
	void onlyTheGatewayTheConsoleAndTheObservabilityToolsArePublishedAndOnlyOnLoopback() {
		map(COMPOSE.get("services")).forEach((name, s) -> {
			for (Object port : list(map(s).get("ports"))) {
				assertThat(String.valueOf(port)).as(name).startsWith("127.0.0.1:");
				assertThat(name).isIn("gateway", "seata-tc", "prometheus", "grafana");
			}
		});
	}

	@Test
	void prometheusAndGrafanaRunOnlyInTheObservabilityProfileWithTheRepositorysFiles() {
		for (String tool : Set.of("prometheus", "grafana")) {
			assertThat(list(service(tool).get("profiles"))).as(tool).containsExactly("observability");
		}
		assertThat(list(service("prometheus").get("volumes")))
			.contains("../prometheus/prometheus-compose.yml:/etc/prometheus/prometheus.yml:ro");
		assertThat(list(service("grafana").get("volumes"))).contains(
				"../grafana/provisioning:/etc/grafana/provisioning:ro",
				"../grafana/dashboards:/var/lib/grafana/dashboards:ro");
		Map<String, Object> datasource = map(
				list(Repo.yaml(Repo.path("deploy/grafana/provisioning/datasources/prometheus.yml")).get("datasources"))
					.get(0));
		assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
	}

}
