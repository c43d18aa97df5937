package io.tccmall.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few seconds of {@code ./tccmall bench} against the system tests' stack, so the bench
 * tool cannot rot: it seeds, loads the stack through the gateway, measures both bounds,
 * checks the invariants and writes its reports. No figure is asserted beyond "something
 * happened, nothing failed": the machine decides the figures.
 */
class BenchSmokeIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldCheckoutThroughTheGatewayMeasureTheBoundsAndWriteTheSummary(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("bench.json");

		String output = Stack.cli(Duration.ofMinutes(6), "bench", "--scenario", "checkout", "--duration", "5s",
				"--concurrency", "2", "--users", "10", "--skus", "5", "--summary", file.toString());

		JsonNode summary = new ObjectMapper().readTree(file.toFile());
		assertThat(summary.fieldNames()).toIterable()
			.contains("scenario", "concurrency", "durationSeconds", "checkoutsPerSecond", "rawSqlPerSecond", "ratio",
					"p50Ms", "p95Ms", "p99Ms", "errors", "invariantsOk");
		assertThat(summary.path("scenario").asText()).isEqualTo("checkout");
		assertThat(summary.path("concurrency").asInt()).isEqualTo(2);
		assertThat(summary.path("errors").asLong()).as("%s", summary).isZero();
		assertThat(summary.path("invariantsOk").asBoolean()).as("%s", summary).isTrue();
		long checkouts = summary.path("checkouts").asLong();
		assertThat(checkouts).as("%s", summary).isPositive();
		assertThat(summary.path("checkoutsPerSecond").asDouble()).isPositive();
		assertThat(summary.path("p50Ms").asDouble()).isPositive().isLessThanOrEqualTo(summary.path("p95Ms").asDouble());
		assertThat(summary.path("p95Ms").asDouble()).isLessThanOrEqualTo(summary.path("p99Ms").asDouble());
		// a checkout writes the order, its lines, the reservation and the payment, each
		// participant in transactions of its own
		assertThat(summary.path("database").path("statementsPerOperation").asDouble()).as("%s", summary)
			.isGreaterThan(10);
		assertThat(summary.path("database").path("commitsPerOperation").asDouble()).as("%s", summary)
			.isGreaterThanOrEqualTo(3);
		assertThat(output).contains("database work");
		// every part of the stack and the bench's JVM spent CPU on the checkouts
		JsonNode cpu = summary.path("cpu").path("msPerOperation");
		assertThat(cpu.fieldNames()).toIterable()
			.as("%s", summary)
			.contains("gateway", "order-service", "inventory-service", "payment-service", "seata-tc", "bench-client");
		assertThat(cpu.path("order-service").asDouble()).as("%s", summary).isPositive();
		assertThat(summary.path("cpu").path("totalMsPerOperation").asDouble())
			.isGreaterThanOrEqualTo(cpu.path("order-service").asDouble());
		assertThat(output).contains("CPU per checkout");
		assertThat(summary.path("rawSqlPerSecond").asDouble()).isPositive();
		assertThat(summary.path("rawSqlErrors").asLong()).isZero();
		assertThat(summary.path("ratio").asDouble()).isPositive();
		assertThat(summary.path("gateway").path("viaGatewayPerSecond").asDouble()).isPositive();
		assertThat(summary.path("gateway").path("directPerSecond").asDouble()).isPositive();
		JsonNode ceiling = summary.path("hopCeiling");
		assertThat(ceiling.path("gatewayRequests").asInt()).isEqualTo(2);
		assertThat(ceiling.path("serviceCalls").asInt()).isEqualTo(2);
		assertThat(ceiling.path("operationsPerSecond").asDouble()).as("%s", summary)
			.isPositive()
			.isLessThan(summary.path("gateway").path("viaGatewayPerSecond").asDouble() / 2);
		assertThat(ceiling.path("ratio").asDouble()).isPositive();
		assertThat(Path.of(summary.path("report").asText())).isRegularFile();
		assertThat(output).contains("raw-SQL bound", "gateway bound", "hop ceiling", "invariants", "OK");

		// the checkouts went to this stack's databases (TCCMALL_DB_SUFFIX), one paid
		// order each, and the
		// raw-SQL bound's scratch database is gone
		assertThat(Db.number("tccmall_order",
				"SELECT COUNT(*) FROM orders WHERE user_id LIKE 'bench-u%'" + " AND status = 'PAID'"))
			.isEqualTo(checkouts);
		assertThat(Db.number("tccmall_order", "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
				"tccmall_bench_raw" + Db.SUFFIX))
			.isZero();
		assertThat(Files.list(Path.of(summary.path("report").asText()).getParent())
			.filter(p -> p.getFileName().toString().startsWith("checkoutsimulation-"))
			.map(p -> p.resolve("index.html"))
			.filter(Files::isRegularFile)
			.count()).as("Gatling's HTML report of the load").isOne();
	}

}
