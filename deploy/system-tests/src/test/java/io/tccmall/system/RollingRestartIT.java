package io.tccmall.system;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling restart under checkout load: every backend instance in turn gets SIGTERM
 * ({@code ./tccmall restart}), must stop by itself within the stop timeout (graceful
 * shutdown, no SIGKILL), and comes back; no acknowledged answer is lost and the
 * reconciliation passes.
 */
@Tag("chaos")
@Tag("rolling-restart")
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1)
class RollingRestartIT {

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldLoseNoAcknowledgedCheckoutWhenEveryInstanceRestartsInTurn() {
		Stack.Cli run = Stack.run(Duration.ofMinutes(20), "chaos", "--mode", "rolling", "--duration", "30s",
				"--concurrency", "4", "--converge", "2m");

		assertThat(run.output()).contains("CHAOS OK", "violations: 0")
			.doesNotContain("did not stop in time")
			.containsPattern("acknowledged [1-9]\\d*, failed");
		for (String part : new String[] { "inventory-service", "payment-service", "coupon-service", "order-service" }) {
			assertThat(run.output()).contains("restart " + part + " (SIGTERM", "restart " + part + "-2 (SIGTERM");
		}
		assertThat(run.exitCode()).isZero();
		Invariants.assertHold();
	}

}
