package io.tccmall.bench.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * End-to-end durations of one kind of iteration (a checkout, a raw-SQL transaction, ...):
 * an HdrHistogram in microseconds, the successes and failures, and the wall-clock window
 * they ran in. Thread-safe; the load threads record, the summary reads at the end.
 */
public final class Timing {

	private final Histogram micros = new ConcurrentHistogram(3_600_000_000L, 3);

	private final LongAdder ok = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

	public void success(long startNanos, long endNanos) {
		this.micros.recordValue(Math.max(0, (endNanos - startNanos) / 1_000));
		this.ok.increment();
		window(startNanos, endNanos);
	}

	public void failure(long startNanos, long endNanos) {
		this.failed.increment();
		window(startNanos, endNanos);
	}

	private void window(long startNanos, long endNanos) {
		this.firstStart.accumulateAndGet(startNanos, Math::min);
		this.lastEnd.accumulateAndGet(endNanos, Math::max);
	}

	public long ok() {
		return this.ok.sum();
	}

	public long failed() {
		return this.failed.sum();
	}

	/** Seconds from the first start to the last end (0 before anything ran). */
	public double seconds() {
		long first = this.firstStart.get();
		long last = this.lastEnd.get();
		return (last > first) ? (last - first) / 1e9 : 0;
	}

	/** {@link System#nanoTime()} of the first start. */
	public long firstStartNanos() {
		return this.firstStart.get();
	}

	/** {@link System#nanoTime()} of the last end. */
	public long lastEndNanos() {
		return this.lastEnd.get();
	}

	/** Successes per second over the window. */
	public double perSecond() {
		double seconds = seconds();
		return (seconds > 0) ? ok() / seconds : 0;
	}

	public double percentileMs(double percentile) {
		return (ok() == 0) ? 0 : this.micros.getValueAtPercentile(percentile) / 1000.0;
	}

	public double meanMs() {
		return (ok() == 0) ? 0 : this.micros.getMean() / 1000.0;
	}

}
