package io.tccmall.bench.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimingTest {

	private static final long MS = 1_000_000;

	@Test
	void shouldCountSuccessesPerSecondOfItsWindowAndPercentilesOfSuccessesOnly() {
		Timing timing = new Timing();
		for (int i = 0; i < 100; i++) {
			// one success per 10 ms, lasting 1..100 ms: the window is 0 .. 99*10+100 ms
			timing.success(i * 10 * MS, i * 10 * MS + (i + 1) * MS);
		}
		timing.failure(0, 5_000 * MS);

		assertThat(timing.ok()).isEqualTo(100);
		assertThat(timing.failed()).isEqualTo(1);
		assertThat(timing.seconds()).isCloseTo(5.0, within(0.001));
		assertThat(timing.perSecond()).isCloseTo(20.0, within(0.01));
		assertThat(timing.percentileMs(50)).isCloseTo(50.0, within(0.1));
		assertThat(timing.percentileMs(99)).isCloseTo(99.0, within(0.1));
	}

	@Test
	void shouldReportNothingBeforeAnythingRan() {
		Timing timing = new Timing();

		assertThat(timing.perSecond()).isZero();
		assertThat(timing.percentileMs(50)).isZero();
	}

}
