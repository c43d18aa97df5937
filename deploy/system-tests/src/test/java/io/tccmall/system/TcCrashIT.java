package io.tccmall.system;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TC crash must not strand an order (issue 20, finding 4): the Seata TC is killed with
 * SIGKILL again and again while shoppers place, pay and cancel (so during Tries and phase
 * two), and restarted from its file store, which is flushed synchronously. Afterwards
 * every order converges, no acknowledged answer is lost and {@code ./tccmall check} is
 * clean. Runs just before ChaosIT, on the same stack.
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
		Invariants.assertHold();
	}

}
