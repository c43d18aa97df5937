package io.tccmall.deploy;

import static io.tccmall.deploy.Repo.at;
import static io.tccmall.deploy.Repo.list;
import static io.tccmall.deploy.Repo.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every rendering of deploy/k8s must keep: the base as files (always), and the
 * base and the scale overlay as kustomize renders them (when kubectl or kustomize is on
 * the PATH).
 */
class KubernetesManifestsTest {

	private static final Set<String> APPS = Repo.APP_PORT_VARIABLES.keySet();

	private static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service",
			"coupon-service");

	private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|MYSQL_PWD).*");

	static Stream<Manifests> manifests() {
		List<Manifests> all = new ArrayList<>();
		all.add(Manifests.baseFiles());
		Manifests.rendered("base").ifPresent(all::add);
		Manifests.rendered("overlays/scale").ifPresent(all::add);
		return all.stream();
	}

	@Test
	void kustomizeRendersTheBaseAndTheOverlay() {
		Assumptions.assumeTrue(Manifests.kustomizeCommand().isPresent(),
				"neither kubectl nor kustomize on the PATH: only the base files are checked");
		assertThat(Manifests.rendered("base").orElseThrow().documents()).isNotEmpty();
		assertThat(Manifests.rendered("overlays/scale").orElseThrow().documents()).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyDocumentMatchesTheKubernetesApiSchema(Manifests m) {
		for (Map<String, Object> doc : m.documents()) {
			assertThatCode(() -> KubernetesSchema.validate(doc)).as("%s %s", doc.get("kind"), at(doc, "metadata.name"))
				.doesNotThrowAnyException();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyAppIsADeploymentOnItsLocalPortWithProbesOnTheActuatorHealthGroups(Manifests m) {
		Map<String, Integer> ports = Repo.localPorts();
		assertThat(m.ofKind("Deployment")).extracting((d) -> at(d, "metadata.name"))
			.containsExactlyInAnyOrderElementsOf(APPS);
		for (String app : APPS) {
			Map<String, Object> container = map(
					list(at(m.get("Deployment", app), "spec.template.spec.containers")).get(0));
			Map<String, Object> port = map(list(container.get("ports")).get(0));
			assertThat(port).as(app).containsEntry("name", "http").containsEntry("containerPort", ports.get(app));
			assertThat(at(container, "livenessProbe.httpGet")).as(app + " liveness")
				.isEqualTo(Map.of("path", "/actuator/health/liveness", "port", "http"));
			assertThat(at(container, "readinessProbe.httpGet")).as(app + " readiness")
				.isEqualTo(Map.of("path", "/actuator/health/readiness", "port", "http"));
			Map<String, Object> service = m.get("Service", app);
			assertThat(at(service, "spec.selector")).as(app + " Service selector")
				.isEqualTo(at(m.get("Deployment", app), "spec.selector.matchLabels"));
			assertThat(list(at(service, "spec.ports"))).as(app + " Service port")
				.containsExactly(Map.of("name", "http", "port", ports.get(app), "targetPort", "http"));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyContainerHasRequestsAndLimitsAndRunsAsNonRootOnAReadOnlyRootFilesystem(Manifests m) {
		for (Map<String, Object> workload : m.workloads()) {
			String name = (String) at(workload, "metadata.name");
			Map<String, Object> pod = Manifests.podSpec(workload);
			assertThat(at(pod, "securityContext.runAsNonRoot")).as(name + " runAsNonRoot").isEqualTo(true);
			assertThat((Integer) at(pod, "securityContext.runAsUser")).as(name + " runAsUser").isPositive();
			for (Map<String, Object> c : Manifests.containers(workload)) {
				String what = name + "/" + c.get("name");
				for (String path : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
					assertThat(at(map(c.get("resources")), path)).as(what + " resources." + path).isNotNull();
				}
				assertThat(at(c, "securityContext.allowPrivilegeEscalation")).as(what).isEqualTo(false);
				assertThat(at(c, "securityContext.readOnlyRootFilesystem")).as(what).isEqualTo(true);
				assertThat(list(at(c, "securityContext.capabilities.drop"))).as(what).contains("ALL");
				assertThat((String) c.get("image")).as(what + " image tag")
					.matches("[^:]+:[^:]+")
					.doesNotEndWith(":latest");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyAppHasAnAutoscalerAndEveryWorkloadADisruptionBudget(Manifests m) {
		for (String app : APPS) {
			Map<String, Object> hpa = m.get("HorizontalPodAutoscaler", app);
			assertThat(at(hpa, "spec.scaleTargetRef"))
				.isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", app));
			int min = (Integer) at(hpa, "spec.minReplicas");
			int max = (Integer) at(hpa, "spec.maxReplicas");
			int replicas = (Integer) at(m.get("Deployment", app), "spec.replicas");
			assertThat(min).as(app + " HPA minReplicas").isGreaterThanOrEqualTo(2);
			assertThat(replicas).as(app + " replicas within the HPA's range").isBetween(min, max);
		}
		for (Map<String, Object> workload : m.workloads()) {
			String name = (String) at(workload, "metadata.name");
			Map<String, Object> podLabels = map(at(workload, "spec.template.metadata.labels"));
			assertThat(m.ofKind("PodDisruptionBudget")).as(name + ": a PodDisruptionBudget selecting its pods")
				.anySatisfy(
						(pdb) -> assertThat(podLabels).containsAllEntriesOf(map(at(pdb, "spec.selector.matchLabels"))));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void theTcRunsTwoNodesInDbStoreModeAndTheAppsKnowEveryNode(Manifests m) {
		Map<String, Object> tc = m.get("StatefulSet", "seata-tc");
		int replicas = (Integer) at(tc, "spec.replicas");
		assertThat(replicas).isEqualTo(2);
		String serviceName = (String) at(tc, "spec.serviceName");
		assertThat(at(m.get("Service", serviceName), "spec.clusterIP")).as("headless Service").isEqualTo("None");

		Map<String, Object> tcConfig = m.configMapData("seata-tc-config");
		assertThat(tcConfig).containsEntry("SPRING_PROFILES_ACTIVE", "db");
		// profile db of the TC's application.yml is what switches the store
		Map<String, Object> dbProfile = Repo.yamlDocuments(Repo.read(Repo.path("deploy/seata-tc/application.yml")))
			.stream()
			.filter((d) -> "db".equals(at(d, "spring.config.activate.on-profile")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("deploy/seata-tc/application.yml has no profile db"));
		assertThat(at(dbProfile, "seata.store.mode")).isEqualTo("db");

		Map<String, Object> appConfig = m.configMapData("tccmall-config");
		String nodes = IntStream.range(0, replicas)
			.mapToObj((i) -> "seata-tc-" + i + "." + serviceName + ":8091")
			.collect(Collectors.joining(";"));
		assertThat(appConfig).as("TCCMALL_SEATA_TC lists every TC node").containsEntry("TCCMALL_SEATA_TC", nodes);
		assertThat((String) tcConfig.get("TCCMALL_TC_DB_URL")).as("the TC's database on the apps' server")
			.startsWith("jdbc:mysql://" + appConfig.get("TCCMALL_DB_HOST") + ":" + appConfig.get("TCCMALL_DB_PORT")
					+ "/" + tcConfig.get("TCCMALL_TC_DB_NAME") + "?");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void secretsAreReferencedNeverWrittenDown(Manifests m) {
		assertThat(m.ofKind("Secret")).as("Secrets are created outside git (deploy/k8s/README.md)").isEmpty();
		String readme = Repo.read(Repo.path("deploy/k8s/README.md"));
		Set<String> configMaps = m.ofKind("ConfigMap")
			.stream()
			.map((d) -> (String) at(d, "metadata.name"))
			.collect(Collectors.toSet());
		for (Map<String, Object> cm : m.ofKind("ConfigMap")) {
			assertThat(map(cm.get("data")).keySet()).as("ConfigMap %s", at(cm, "metadata.name"))
				.noneMatch((key) -> SECRET_NAME.matcher(key).matches());
		}
		for (Map<String, Object> workload : m.workloads()) {
			for (Map<String, Object> c : Manifests.containers(workload)) {
				String what = at(workload, "metadata.name") + "/" + c.get("name");
				for (Object e : list(c.get("env"))) {
					Map<String, Object> env = map(e);
					String name = (String) env.get("name");
					Object secretRef = at(env, "valueFrom.secretKeyRef");
					if (SECRET_NAME.matcher(name).matches()) {
						assertThat(secretRef).as(what + " " + name + " from a Secret").isNotNull();
					}
					if (secretRef != null) {
						assertThat(at(env, "valueFrom.secretKeyRef.name")).as(what + " " + name + ": its own Secret")
							.isEqualTo(at(workload, "metadata.name") + "-secrets");
						assertThat(readme).as("deploy/k8s/README.md documents the Secret")
							.contains("`" + at(env, "valueFrom.secretKeyRef.name") + "`");
						assertThat(readme)
							.as("deploy/k8s/README.md documents the key "
									+ at(secretRef == null ? Map.of() : map(secretRef), "key"))
							.contains((String) map(secretRef).get("key"));
					}
				}
				for (Object from : list(c.get("envFrom"))) {
					assertThat(map(from)).as(what + " envFrom: ConfigMaps only").containsOnlyKeys("configMapRef");
					assertThat(configMaps).as(what).contains((String) at(map(from), "configMapRef.name"));
				}
			}
			for (Object v : list(at(workload, "spec.template.spec.volumes"))) {
				Object configMap = at(map(v), "configMap.name");
				if (configMap != null) {
					assertThat(configMaps).contains((String) configMap);
				}
			}
		}
	}

	@Test
	void theTcSchemaInTheBaseIsSeatasScriptOfDeploySeataTc() {
		assertThat(Repo.read(Repo.path("deploy/k8s/base/config/seata-tc-schema.sql")))
			.as("deploy/k8s/base/config/seata-tc-schema.sql is a copy (kustomize reads no file outside the base)")
			.isEqualTo(Repo.read(Repo.path("deploy/seata-tc/db/mysql.sql")));
		assertThat(Repo.read(Repo.path("deploy/seata-tc/db/mysql.sql"))).contains("`global_table`", "`branch_table`",
				"`lock_table`", "`distributed_lock`");
	}

	@Test
	void theOverlayScalesTheAppsButKeepsTheBasesRules() {
		Manifests base = Manifests.rendered("base").orElse(null);
		Manifests scale = Manifests.rendered("overlays/scale").orElse(null);
		Assumptions.assumeTrue(base != null && scale != null, "no kustomize on the PATH");
		Set<String> kinds = new HashSet<>();
		base.documents().forEach((d) -> kinds.add(d.get("kind") + "/" + at(d, "metadata.name")));
		assertThat(scale.documents()).hasSameSizeAs(base.documents());
		for (String app : APPS) {
			assertThat((Integer) at(scale.get("HorizontalPodAutoscaler", app), "spec.maxReplicas")).as(app)
				.isGreaterThan((Integer) at(base.get("HorizontalPodAutoscaler", app), "spec.maxReplicas"));
		}
		if (kinds.isEmpty()) {
			fail("nothing rendered");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void onlyTheFourBackendServicesHoldTheServiceKeyAndTheGatewayNoDatabaseAccount(Manifests m) {
		for (Map<String, Object> workload : m.workloads()) {
			String name = (String) at(workload, "metadata.name");
			Map<String, Object> env = envOf(workload);
			if (SERVICES.contains(name)) {
				for (String key : List.of("TCCMALL_SERVICE_SECRET", "TCCMALL_JWT_SECRET", "TCCMALL_DB_PASSWORD")) {
					assertThat(env).as(name + " " + key + " from its Secret")
						.containsEntry(key, Map.of("secretKeyRef", Map.of("name", name + "-secrets", "key", key)));
				}
			}
			else {
				assertThat(env).as(name + " never holds the service key").doesNotContainKey("TCCMALL_SERVICE_SECRET");
			}
		}
		Map<String, Object> gateway = envOf(m.get("Deployment", "gateway"));
		assertThat(gateway).containsEntry("TCCMALL_JWT_SECRET",
				Map.of("secretKeyRef", Map.of("name", "gateway-secrets", "key", "TCCMALL_JWT_SECRET")));
		assertThat(gateway.keySet()).as("the gateway has no database").noneMatch((k) -> k.startsWith("TCCMALL_DB_"));
		for (Map<String, Object> cm : m.ofKind("ConfigMap")) {
			assertThat(map(cm.get("data"))).as("ConfigMap %s", at(cm, "metadata.name"))
				.doesNotContainKey("TCCMALL_SERVICE_SECRET");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void eachServiceConnectsAsItsOwnDatabaseUserNeverRoot(Manifests m) {
		String readme = Repo.read(Repo.path("deploy/k8s/README.md"));
		Set<String> users = new HashSet<>();
		for (String service : SERVICES) {
			String database = "tccmall_" + service.substring(0, service.indexOf('-'));
			assertThat(envOf(m.get("Deployment", service))).as(service).containsEntry("TCCMALL_DB_USER", database);
			users.add(database);
			assertThat(readme).as("deploy/k8s/README.md grants " + database + " its database only")
				.contains("GRANT ALL PRIVILEGES ON `" + database.replace("_", "\\_") + "`.* TO '" + database + "'@");
		}
		assertThat(users).hasSameSizeAs(SERVICES);
		assertThat(m.configMapData("tccmall-config")).as("the database user is each service's own, not shared")
			.doesNotContainKey("TCCMALL_DB_USER");
		Map<String, Object> tc = m.configMapData("seata-tc-config");
		assertThat(tc).containsEntry("TCCMALL_TC_DB_USER", "tccmall_seata");
		assertThat(readme).contains("GRANT ALL PRIVILEGES ON `tccmall\\_seata`.* TO 'tccmall_seata'@");
		for (Map<String, Object> cm : m.ofKind("ConfigMap")) {
			map(cm.get("data")).forEach((key, value) -> assertThat(key.endsWith("DB_USER") && "root".equals(value))
				.as("ConfigMap %s %s", at(cm, "metadata.name"), key)
				.isFalse());
		}
		for (Map<String, Object> workload : m.workloads()) {
			envOf(workload).forEach((key, value) -> assertThat(key.endsWith("DB_USER") && "root".equals(value))
				.as("%s %s", at(workload, "metadata.name"), key)
				.isFalse());
		}
	}

	/**
	 * The env of a workload's containers: a value, or the valueFrom of a reference
	 * ({@code {secretKeyRef: {name, key}}}).
	 */
	private static Map<String, Object> envOf(Map<String, Object> workload) {
		Map<String, Object> env = new LinkedHashMap<>();
		for (Map<String, Object> c : Manifests.containers(workload)) {
			for (Object e : list(c.get("env"))) {
				Map<String, Object> entry = map(e);
				env.put((String) entry.get("name"),
						entry.containsKey("value") ? entry.get("value") : entry.get("valueFrom"));
			}
		}
		return env;
	}

}
