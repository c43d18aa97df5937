package io.tccmall.bench.chaos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.tccmall.bench.Databases;

/**
 * Injects the faults, one after the other, and logs each with its time. Every choice
 * (kind, instance, pause before, time down) comes from the seed, so a run is replayed
 * with the same seed; where each kill lands in the load is timing and varies.
 */
final class Faults {

	static final List<String> PARTICIPANTS = List.of("inventory-service", "payment-service", "coupon-service");

	static final List<String> BACKENDS = List.of("inventory-service", "payment-service", "coupon-service",
			"order-service");

	private final ChaosOptions options;

	private final Cli cli;

	private final Redis redis = new Redis();

	private final Databases databases;

	private final long startNanos;

	private final List<String> log = Collections.synchronizedList(new ArrayList<>());

	private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

	private int injected;

	private int orderKills;

	private int orderKillsMidTransaction;

	Faults(ChaosOptions options, Cli cli, Databases databases, long startNanos) {
		this.options = options;
		this.cli = cli;
		this.databases = databases;
		this.startNanos = startNanos;
	}

	/**
	 * Kills and restarts until {@code untilNanos}; the first round injects every kind
	 * once (in an order the seed shuffles), however long it takes.
	 */
	void chaos(long untilNanos) {
		Random random = new Random(this.options.seed());
		List<FaultKind> round = new ArrayList<>(this.options.kinds());
		Collections.shuffle(round, random);
		List<FaultKind> kinds = List.copyOf(round);
		sleep(5_000);
		while (!round.isEmpty() || System.nanoTime() < untilNanos) {
			FaultKind kind = round.isEmpty() ? kinds.get(random.nextInt(kinds.size())) : round.remove(0);
			int downSeconds = 1 + random.nextInt(6);
			int pauseSeconds = 3 + random.nextInt(8);
			inject(kind, random, downSeconds);
			if (round.isEmpty() && System.nanoTime() >= untilNanos) {
				break;
			}
			sleep(pauseSeconds * 1000L);
		}
	}

	/**
	 * A graceful restart (SIGTERM, wait, start) of every backend instance in turn; an
	 * instance that needs SIGKILL to stop is a violation.
	 */
	void rolling() {
		sleep(5_000);
		for (String part : BACKENDS) {
			for (int i = 1; i <= this.options.replicas(); i++) {
				String name = instance(part, i);
				record("restart " + name + " (SIGTERM, wait, start)");
				long begin = System.nanoTime();
				Cli.Result result = this.cli.run(Duration.ofMinutes(6), "restart", name);
				this.injected++;
				if (result.exitCode() != 0) {
					violation("./tccmall restart " + name + " failed (" + result.exitCode() + "): " + tail(result));
				}
				if (result.output().contains("did not stop in time")) {
					violation(name + " did not stop within TCCMALL_STOP_TIMEOUT after SIGTERM: " + tail(result));
				}
				record(String.format("%s is back (%.0f s)", name, (System.nanoTime() - begin) / 1e9));
				sleep(3_000);
			}
		}
	}

	private void inject(FaultKind kind, Random random, int downSeconds) {
		String target = switch (kind) {
			case PARTICIPANT -> instance(PARTICIPANTS.get(random.nextInt(PARTICIPANTS.size())),
					1 + random.nextInt(this.options.replicas()));
			case ORDER -> instance("order-service", 1 + random.nextInt(this.options.replicas()));
			case TC -> "seata-tc";
			case KAFKA -> "kafka";
			case REDIS -> "redis";
		};
		this.injected++;
		if (kind == FaultKind.REDIS) {
			record("kill redis (SHUTDOWN NOSAVE), down " + downSeconds + " s");
			try {
				this.redis.kill();
				sleep(downSeconds * 1000L);
				this.redis.start();
				record("redis is back (empty)");
			}
			catch (IllegalStateException ex) {
				violation("the Redis restart failed: " + ex.getMessage());
			}
			return;
		}
		Cli.Result killed = this.cli.run(Duration.ofMinutes(1), "kill", target);
		String detail = "";
		if (kind == FaultKind.ORDER) {
			long open = ordersMidTransaction();
			this.orderKills++;
			if (open > 0) {
				this.orderKillsMidTransaction++;
			}
			detail = ", " + open + " orders were between Try and Confirm/Cancel (TRYING/PAYING/CANCELLING)";
		}
		record("kill -9 " + target + (killed.exitCode() == 0 ? "" : " FAILED: " + tail(killed)) + detail + ", down "
				+ downSeconds + " s");
		sleep(downSeconds * 1000L);
		long begin = System.nanoTime();
		Cli.Result started = this.cli.run(Duration.ofMinutes(6), "start", target);
		// on a loaded machine a Spring service can take longer to start than ./tccmall
		// waits for it
		for (int attempt = 2; started.exitCode() != 0 && attempt <= 3; attempt++) {
			record("start " + target + " failed, attempt " + attempt + ": " + tail(started));
			sleep(5_000);
			started = this.cli.run(Duration.ofMinutes(6), "start", target);
		}
		if (started.exitCode() != 0) {
			violation(target + " did not come back: " + tail(started));
		}
		record(String.format("%s is back (%.0f s)", target, (System.nanoTime() - begin) / 1e9));
	}

	/** Orders of every order-service instance in a global transaction's window. */
	private long ordersMidTransaction() {
		try (Connection db = this.databases.connect(this.databases.of("order"));
				Statement statement = db.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT COUNT(*) FROM orders WHERE status IN ('TRYING','PAYING','CANCELLING')")) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	static String instance(String part, int index) {
		return index == 1 ? part : part + "-" + index;
	}

	private static String tail(Cli.Result result) {
		String text = result.output().strip();
		return text.length() <= 400 ? text : "..." + text.substring(text.length() - 400);
	}

	void record(String what) {
		String line = String.format("[%s +%6.1fs] %s", Instant.now(), (System.nanoTime() - this.startNanos) / 1e9,
				what);
		this.log.add(line);
		System.out.println(line);
	}

	void violation(String what) {
		this.violations.add(what);
		record("VIOLATION " + what);
	}

	List<String> log() {
		return List.copyOf(this.log);
	}

	List<String> violations() {
		return List.copyOf(this.violations);
	}

	int injected() {
		return this.injected;
	}

	String orderKillWindow() {
		return this.orderKillsMidTransaction + " of " + this.orderKills
				+ " order-service kills found orders between Try and Confirm/Cancel";
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
