package io.tccmall.system;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A TC crash must not strand an order (issue 20, finding 4): the Seata TC is killed with
 * SIGKILL again and again while shoppers place, pay and cancel (so during Tries and phase
 * two), and restarted from its file store, which is flushed synchronously. Afterwards
 * every order converges, no acknowledged answer is lost, {@code ./tccmall check} is clean
 * and the TC finishes every session it had open. Runs just before ChaosIT, on the same
 * stack.
 */
@Tag("chaos")
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1)
class TcCrashIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldConvergeWithNothingStrandedWhenTheTcIsKilledDuringCheckouts() {
		String seed = System.getProperty("tccmall.chaos.seed",
				String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000)));

		Stack.Cli run = Stack.run(Duration.ofMinutes(10), "chaos", "--duration", "60s", "--seed", seed, "--faults",
				"tc", "--concurrency", "6", "--converge", "3m");

		assertThat(run.output()).as("seed %s", seed).contains("CHAOS OK", "violations: 0", "kill -9 seata-tc");
		assertThat(run.output()).as("seed %s", seed).containsPattern("acknowledged [1-9]\\d*, failed");
		assertThat(run.exitCode()).as("seed %s", seed).isZero();
		// a session the kill caught in Committing/Rollbacking is on disk and finished by
		// the restarted TC once it
		// counts as abandoned (retry-dead-threshold, 130 s after its begin): the TC ends
		// with nothing open
		String token = TcConsoleIT.login("seata", "tccmall-console");
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode sessions = TcConsoleIT.get("/api/v1/console/globalSession/query?pageNum=1&pageSize=50", token);
			assertThat(sessions.path("total").asInt()).as("open global sessions: %s", sessions).isZero();
		});
		Invariants.assertHold();
	}

}
