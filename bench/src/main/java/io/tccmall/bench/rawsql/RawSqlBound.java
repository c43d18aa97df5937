package io.tccmall.bench.rawsql;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.tccmall.bench.BenchData;
import io.tccmall.bench.Databases;
import io.tccmall.bench.stats.Timing;

/**
 * The raw-SQL bound: {@link RawCheckout} transactions through plain JDBC, one connection
 * per worker thread, at the bench's concurrency for a fixed time, on a scratch database
 * of the same MariaDB. What the database alone allows for the business writes of a
 * checkout; checkouts/s divided by this is what the distribution keeps of it.
 */
public final class RawSqlBound {

	private final Databases databases;

	private final BenchData data;

	public RawSqlBound(Databases databases, BenchData data) {
		this.databases = databases;
		this.data = data;
	}

	public Timing run(int concurrency, Duration duration) throws SQLException, InterruptedException {
		Timing timing = new Timing();
		try (ScratchDatabase scratch = ScratchDatabase.create(this.databases, this.data)) {
			System.out.printf("raw-SQL bound: %d connections for %d s on %s ...%n", concurrency, duration.toSeconds(),
					scratch.name());
			long deadline = System.nanoTime() + duration.toNanos();
			AtomicLong sequence = new AtomicLong();
			String run = Long.toString(System.currentTimeMillis(), 36);
			List<Thread> workers = new ArrayList<>();
			List<Exception> problems = new ArrayList<>();
			for (int w = 0; w < concurrency; w++) {
				Thread worker = new Thread(() -> {
					try (RawCheckout checkout = new RawCheckout(this.databases.connect(scratch.name()))) {
						while (System.nanoTime() < deadline) {
							long n = sequence.incrementAndGet();
							String user = BenchData.user(1 + (int) (n % this.data.users()));
							long start = System.nanoTime();
							try {
								checkout.run(String.format("R%s%015d", run, n), user, this.data.pickSku());
								timing.success(start, System.nanoTime());
							}
							catch (SQLException ex) {
								timing.failure(start, System.nanoTime());
							}
						}
					}
					catch (SQLException ex) {
						synchronized (problems) {
							problems.add(ex);
						}
					}
				}, "raw-sql-" + w);
				worker.start();
				workers.add(worker);
			}
			progress(timing, deadline, workers);
			if (!problems.isEmpty()) {
				throw new IllegalStateException("raw-SQL bound: " + problems.get(0).getMessage(), problems.get(0));
			}
		}
		return timing;
	}

	private static void progress(Timing timing, long deadline, List<Thread> workers) throws InterruptedException {
		for (Thread worker : workers) {
			while (worker.isAlive()) {
				worker.join(5_000);
				if (worker.isAlive()) {
					System.out.printf("  raw SQL: %d transactions, %.0f/s, %d failed, %d s left%n", timing.ok(),
							timing.perSecond(), timing.failed(),
							Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000));
				}
			}
		}
	}

}
