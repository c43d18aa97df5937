package io.tccmall.deploy;

import static io.tccmall.deploy.Repo.at;
import static io.tccmall.deploy.Repo.list;
import static io.tccmall.deploy.Repo.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * deploy/compose/docker-compose.yml without Docker: parsed as YAML (anchors and merge
 * keys resolved) and checked for what the stack needs.
 */
class ComposeFileTest {

	private static final Map<String, Object> COMPOSE = Repo.yaml(Repo.path("deploy/compose/docker-compose.yml"));

	/** The four backend services and the name of their database (and database user). */
	private static final Map<String, String> SERVICE_DATABASES = Map.of("order-service", "tccmall_order",
			"inventory-service", "tccmall_inventory", "payment-service", "tccmall_payment", "coupon-service",
			"tccmall_coupon");

	/** A required variable: {@code ${NAME:?message}}. */
	private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_]+):\\?.+}");

	private static Map<String, Object> service(String name) {
		return map(at(COMPOSE, "services." + name));
	}

	private static Map<String, Object> environment(String service) {
		return map(service(service).get("environment"));
	}

	/** The variable a required value reads ({@code ${NAME:?...}}), or a failure. */
	private static String requiredVariable(String what, Object value) {
		Matcher m = REQUIRED.matcher(String.valueOf(value));
		assertThat(m.matches()).as(what + " is a required variable ${NAME:?message}, not " + value).isTrue();
		return m.group(1);
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
		}
		for (String backend : SERVICE_DATABASES.keySet()) {
			assertThat(at(service(backend), "deploy.replicas")).as(backend).isEqualTo(2);
			assertThat(environment(backend)).as(backend)
				.containsEntry("TCCMALL_SEATA_TC", "seata-tc:8091")
				.containsEntry("TCCMALL_KAFKA", "kafka:9092")
				.containsEntry("TCCMALL_DB_HOST", "mysql");
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
					// a password hash may name its scheme ({bcrypt}) in front of the
					// variable
					assertThat(String.valueOf(value)).as(name + " " + key).matches("(\\{bcrypt})?\\$\\{[A-Z_]+:\\?.+}");
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

	@Test
	void theDefaultProfileIsNotLocalSoNoDemoDataNoDemoAccountsAndNoPublishedKeys() {
		for (String app : Repo.APP_PORT_VARIABLES.keySet()) {
			for (String key : List.of("SPRING_PROFILES_ACTIVE", "TCCMALL_PROFILE")) {
				String value = String.valueOf(environment(app).get(key));
				Matcher m = Pattern.compile("\\$\\{TCCMALL_PROFILE:-([^}]*)}").matcher(value);
				assertThat(m.matches()).as(app + " " + key + ": ${TCCMALL_PROFILE:-default}, not " + value).isTrue();
				assertThat(m.group(1).split(",")).as(app + " " + key + " default")
					.isNotEmpty()
					.doesNotContain("local", "");
			}
		}
	}

	@Test
	void onlyTheFourBackendServicesHoldTheServiceKey() {
		map(COMPOSE.get("services")).forEach((name, s) -> {
			Map<String, Object> env = map(map(s).get("environment"));
			if (SERVICE_DATABASES.containsKey(name)) {
				assertThat(requiredVariable(name + " TCCMALL_SERVICE_SECRET", env.get("TCCMALL_SERVICE_SECRET")))
					.isEqualTo("TCCMALL_SERVICE_SECRET");
				assertThat(env.get("TCCMALL_SERVICE_SECRET")).as(name).isNotEqualTo(env.get("TCCMALL_JWT_SECRET"));
			}
			else if (env != null) {
				assertThat(env).as(name + " never gets the service key").doesNotContainKey("TCCMALL_SERVICE_SECRET");
				assertThat(env.values()).as(name + " never gets the service key")
					.noneMatch((v) -> String.valueOf(v).contains("TCCMALL_SERVICE_SECRET"));
			}
		});
		assertThat(environment("gateway")).containsKey("TCCMALL_JWT_SECRET");
	}

	@Test
	void eachServiceConnectsAsItsOwnDatabaseUserNeverRootAndTheGatewayHasNoDatabaseAccount() {
		Set<String> passwords = new HashSet<>();
		SERVICE_DATABASES.forEach((app, database) -> {
			Map<String, Object> env = environment(app);
			assertThat(env).as(app).containsEntry("TCCMALL_DB_USER", database);
			passwords.add(requiredVariable(app + " TCCMALL_DB_PASSWORD", env.get("TCCMALL_DB_PASSWORD")));
		});
		assertThat(passwords).as("one password per service").hasSize(SERVICE_DATABASES.size());
		Map<String, Object> tc = environment("seata-tc");
		assertThat(tc).containsEntry("TCCMALL_TC_DB_USER", "tccmall_seata");
		passwords.add(requiredVariable("seata-tc TCCMALL_TC_DB_PASSWORD", tc.get("TCCMALL_TC_DB_PASSWORD")));
		assertThat(passwords).as("the TC has a password of its own").hasSize(SERVICE_DATABASES.size() + 1);

		// the mysql container gets each of those passwords (for mysql-init/03-users.sh)
		// and root's, which no app gets
		Map<String, Object> mysql = environment("mysql");
		for (String password : passwords) {
			assertThat(requiredVariable("mysql " + password, mysql.get(password))).isEqualTo(password);
		}
		String root = requiredVariable("MYSQL_ROOT_PASSWORD", mysql.get("MYSQL_ROOT_PASSWORD"));
		assertThat(passwords).doesNotContain(root);
		map(COMPOSE.get("services")).forEach((name, s) -> {
			if (name.equals("mysql") || map(s).get("environment") == null) {
				return;
			}
			Map<String, Object> env = map(map(s).get("environment"));
			assertThat(env.values()).as(name + " never gets the root password")
				.noneMatch((v) -> String.valueOf(v).contains("${" + root + ":"));
			assertThat(env.entrySet()).as(name + ": no root database account")
				.noneMatch((e) -> e.getKey().endsWith("DB_USER") && "root".equals(e.getValue()));
		});
		assertThat(environment("gateway").keySet()).as("the gateway has no database")
			.noneMatch((key) -> key.startsWith("TCCMALL_DB_"));
	}

	@Test
	void theInitScriptGivesEachUserItsOwnDatabaseOnlyAndIsIdempotent() throws Exception {
		Map<String, String> users = new LinkedHashMap<>();
		SERVICE_DATABASES.values().forEach((db) -> users.put(db, db));
		users.put("tccmall_seata", "tccmall_seata");
		Map<String, String> env = new HashMap<>();
		for (String variable : List.of("TCCMALL_ORDER_DB_PASSWORD", "TCCMALL_INVENTORY_DB_PASSWORD",
				"TCCMALL_PAYMENT_DB_PASSWORD", "TCCMALL_COUPON_DB_PASSWORD", "TCCMALL_TC_DB_PASSWORD")) {
			env.put(variable, variable.toLowerCase() + "-it's\\x");
		}
		String sql = sourceInitScript("03-users.sh", env);
		List<String> statements = new ArrayList<>(List.of(sql.strip().split("\n")));
		users.forEach((user, database) -> {
			String escaped = database.replace("_", "\\_");
			assertThat(statements).as(user)
				.contains(
						"CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + passwordOf(env, user) + "';");
			assertThat(statements).as(user + ": the password is set on every run")
				.contains("ALTER USER '" + user + "'@'%' IDENTIFIED BY '" + passwordOf(env, user) + "';");
			assertThat(statements.stream().filter((st) -> st.startsWith("GRANT") && st.contains("'" + user + "'@")))
				.as(user + ": its own database only, '_' escaped (a wildcard in grants)")
				.containsExactly("GRANT ALL PRIVILEGES ON `" + escaped + "`.* TO '" + user + "'@'%';");
		});
		assertThat(statements).as("nothing else").hasSize(users.size() * 3);
		// compose's users are the ones the script creates
		SERVICE_DATABASES.forEach(
				(app, database) -> assertThat(users).containsKey((String) environment(app).get("TCCMALL_DB_USER")));
		assertThat(users).containsKey((String) environment("seata-tc").get("TCCMALL_TC_DB_USER"));
		// 03: after the databases (01) exist
		assertThat(Repo.path("deploy/compose/mysql-init").toFile().list()).contains("01-databases.sql", "03-users.sh");
		assertThat(Files.isExecutable(Repo.path("deploy/compose/mysql-init/03-users.sh")))
			.as("sourced by the entrypoint, so not executable")
			.isFalse();
	}

	@Test
	void anUnsetPasswordStopsTheInitScript() throws Exception {
		assertThatInitScriptFails("03-users.sh", Map.of("TCCMALL_ORDER_DB_PASSWORD", "x"));
	}

	@Test
	void theGatewaysAdminAccountIsABcryptHashFromTheEnvironment() {
		Map<String, Object> env = environment("gateway");
		assertThat(String.valueOf(env.get("TCCMALL_AUTH_USERS_0_PASSWORD")))
			.as("{bcrypt} and a required variable: never a plain password")
			.matches("\\{bcrypt}\\$\\{TCCMALL_ADMIN_PASSWORD_BCRYPT:\\?.+}");
		assertThat(env).containsEntry("TCCMALL_AUTH_USERS_0_ROLES_0", "ADMIN")
			.containsKey("TCCMALL_AUTH_USERS_0_USERNAME");
		String readme = Repo.read(Repo.path("deploy/compose/README.md"));
		assertThat(readme).as("deploy/compose/README.md says how to make the hash")
			.contains("TCCMALL_ADMIN_PASSWORD_BCRYPT", "TCCMALL_SERVICE_SECRET", "TCCMALL_DB_ROOT_PASSWORD");
	}

	private static String passwordOf(Map<String, String> env, String user) {
		String variable = user.equals("tccmall_seata") ? "TCCMALL_TC_DB_PASSWORD"
				: "TCCMALL_" + user.substring("tccmall_".length()).toUpperCase() + "_DB_PASSWORD";
		return env.get(variable).replace("\\", "\\\\").replace("'", "''");
	}

	/**
	 * Sources a mysql-init script as the image's entrypoint does, with a
	 * docker_process_sql that prints the SQL it is given instead of running it.
	 */
	private static String sourceInitScript(String script, Map<String, String> env) throws Exception {
		ProcessResult result = runInitScript(script, env);
		assertThat(result.exitCode()).as(script + " failed: " + result.output()).isZero();
		return result.output();
	}

	private static void assertThatInitScriptFails(String script, Map<String, String> env) throws Exception {
		ProcessResult result = runInitScript(script, env);
		assertThat(result.exitCode()).as(script + " with a password unset").isNotZero();
	}

	private record ProcessResult(int exitCode, String output) {
	}

	private static ProcessResult runInitScript(String script, Map<String, String> env)
			throws IOException, InterruptedException {
		Path file = Repo.path("deploy/compose/mysql-init/" + script);
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", "docker_process_sql() { cat; }; . \"$0\"",
				file.toString());
		builder.environment().keySet().removeIf((k) -> k.startsWith("TCCMALL_"));
		builder.environment().putAll(env);
		builder.redirectErrorStream(false);
		builder.redirectError(ProcessBuilder.Redirect.DISCARD);
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(script + " did not finish");
		}
		return new ProcessResult(process.exitValue(), out);
	}

}
