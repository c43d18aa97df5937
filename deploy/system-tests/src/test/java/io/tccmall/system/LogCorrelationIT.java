package io.tccmall.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A checkout's log lines carry its trace id and its Seata XID: the client starts a trace
 * ({@code traceparent}), the gateway passes it on, order-service continues it and carries
 * it over Feign to the participants. Read from the running stack's own log files (what
 * {@code ./tccmall logs} follows).
 */
class LogCorrelationIT {

	private static final Path LOGS = Path.of(System.getProperty("tccmall.runDir", "target/stack"))
		.toAbsolutePath()
		.resolve("logs");

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldLogTheTraceIdAndTheXidOfACheckoutInTheCoordinatorAndAParticipant() throws IOException {
		String sku = Shop.product("log-correlated", 700, 5);
		String user = Shop.fundedUser("log-correlated", 10_000);
		String traceId = hex(16);
		Api.Response placed = Api.as(user)
			.postWithHeader("/api/orders", Map.of("items", List.of(line(sku, 1))), "traceparent",
					"00-" + traceId + "-" + hex(8) + "-01");
		assertThat(placed.status()).as("%s", placed).isEqualTo(201);
		String xid = (String) Db
			.rows("tccmall_order", "SELECT place_xid FROM orders WHERE order_no = ?", placed.text("orderNo"))
			.get(0)
			.get("place_xid");
		assertThat(xid).isNotBlank();

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			assertThat(linesWith("order-service", traceId, xid)).as("order-service lines with trace id and XID")
				.isNotEmpty();
			assertThat(linesWith("inventory-service", traceId, xid)).as("inventory-service lines with trace id and XID")
				.isNotEmpty();
		});
		// the pattern of the local profile: "LEVEL [traceId,xid] [requestId]"
		assertThat(linesWith("order-service", traceId, xid)).anySatisfy(line -> assertThat(line)
			.containsPattern("INFO \\[" + traceId + "," + xid.replace(".", "\\.") + "\\] \\[[A-Za-z0-9-]+\\]"));
	}

	/** The lines of every instance of the service that name both. */
	private static List<String> linesWith(String service, String traceId, String xid) throws IOException {
		try (Stream<Path> files = Files.list(LOGS)) {
			return files.filter(file -> file.getFileName().toString().matches(service + "(-\\d+)?\\.log"))
				.flatMap(LogCorrelationIT::lines)
				.filter(line -> line.contains(traceId) && line.contains(xid))
				.toList();
		}
	}

	private static Stream<String> lines(Path file) {
		try {
			// lenient: a log may hold bytes that are not UTF-8
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
