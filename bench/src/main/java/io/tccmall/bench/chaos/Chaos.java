package io.tccmall.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tccmall.bench.BenchData;
import io.tccmall.bench.Databases;
import io.tccmall.bench.Tokens;
import io.tccmall.bench.seed.Seeder;

/**
 * {@code ./tccmall chaos}: checkouts through the gateway while parts of the stack are
 * killed and restarted (or, with {@code --mode rolling}, restarted gracefully one by
 * one), then the invariants once the stack has converged. Exit 0 when nothing is
 * violated, 1 otherwise, 2 for bad options. The system tests' ChaosIT and
 * RollingRestartIT run it too.
 */
public final class Chaos {

	private Chaos() {
	}

	public static void main(String[] args) throws InterruptedException {
		ChaosOptions options;
		try {
			options = ChaosOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("chaos: " + ex.getMessage());
			System.err.println("usage: chaos [--duration 10m] [--seed N] [--mode chaos|rolling] [--concurrency 6]"
					+ " [--converge 3m] [--faults participant,order,tc,redis,kafka]");
			System.exit(2);
			return;
		}
		System.exit(run(options));
	}

	/**
	 * Seeding goes through the gateway, whose circuit breakers may still be open after a
	 * fault.
	 */
	private static void seed(Seeder seeder, BenchData data) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				seeder.seed(data);
				return;
			}
			catch (IllegalStateException ex) {
				if (attempt == 5) {
					throw ex;
				}
				System.out.println("seeding failed (" + ex.getMessage() + "), again in 15 s");
				Thread.sleep(15_000);
			}
		}
	}

	static int run(ChaosOptions options) throws InterruptedException {
		System.out.printf("chaos run: mode %s, seed %d, duration %s, concurrency %d, %d replica(s), faults %s%n",
				options.mode(), options.seed(), options.duration(), options.concurrency(), options.replicas(),
				options.kinds());
		Databases databases = Databases.fromEnvironment();
		Tokens tokens = Tokens.fromEnvironment(Duration.ofHours(6));
		BenchData data = new BenchData(Math.max(20, options.concurrency() * 4), 20, 0.05);
		seed(new Seeder(options.gateway(), tokens), data);

		Cli cli = new Cli(options.tccmall());
		Verdict verdict = new Verdict(databases, cli);
		long start = System.nanoTime();
		long end = start + options.duration().toNanos();
		Faults faults = new Faults(options, cli, databases, start);
		Load load = new Load(options.gateway(), data, tokens, options.seed(), options.concurrency());
		load.start();
		faults.record("load started");
		if (options.mode().equals("rolling")) {
			faults.rolling();
		}
		else {
			// the last fifth (at most 30 s) without new faults: the stack heals under
			// load
			faults.chaos(end - Math.min(Duration.ofSeconds(30).toNanos(), options.duration().toNanos() / 5));
		}
		while (System.nanoTime() < end) {
			Faults.sleep(Math.min(1_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
		}
		load.stop();
		faults.record("load stopped; waiting for convergence (at most " + options.converge() + ")");
		Map<String, String> acknowledged = load.acknowledged();
		List<String> violations = new ArrayList<>(faults.violations());
		violations.addAll(verdict.converge(acknowledged, System.nanoTime() + options.converge().toNanos(), faults));

		System.out.println();
		System.out.println("===== chaos summary =====");
		System.out.printf("seed %d (replay: ./tccmall chaos --mode %s --duration %ds --seed %d)%n", options.seed(),
				options.mode(), options.duration().toSeconds(), options.seed());
		System.out.println("faults injected: " + faults.injected());
		faults.log().forEach(line -> System.out.println("  " + line));
		if (!options.mode().equals("rolling")) {
			System.out.println("order-service window: " + faults.orderKillWindow());
		}
		System.out.printf("transactions (place + pay/cancel): attempted %d, acknowledged %d, failed %d%n",
				load.attempted.get(), load.completed.get(), load.failed.get());
		System.out.printf("acknowledged requests %d, orders acknowledged %d%n", load.acknowledgedRequests(),
				acknowledged.size());
		System.out.println("answers by step and status (0 = no answer): " + load.answers());
		System.out.println("last ./tccmall check:");
		verdict.lastCheck().lines().forEach(line -> System.out.println("  " + line));
		System.out.println("violations: " + violations.size());
		violations.stream().limit(50).forEach(v -> System.out.println("  - " + v));
		System.out.println(violations.isEmpty() ? "CHAOS OK" : "CHAOS FAILED");
		return violations.isEmpty() ? 0 : 1;
	}

}
