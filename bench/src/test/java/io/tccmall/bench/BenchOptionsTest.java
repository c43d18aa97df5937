package io.tccmall.bench;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTest {

	@Test
	void shouldReadEveryOptionInBothSpellings() {
		BenchOptions options = BenchOptions.parse("--scenario", "cancel", "--duration=90s", "--concurrency", "32",
				"--users", "50", "--skus=7", "--hot-ratio", "0.25", "--warmup", "500ms", "--bound-duration", "2m",
				"--summary", "out.json");

		assertThat(options.scenario()).isEqualTo(Scenario.CANCEL);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(90));
		assertThat(options.concurrency()).isEqualTo(32);
		assertThat(options.users()).isEqualTo(50);
		assertThat(options.skus()).isEqualTo(7);
		assertThat(options.hotRatio()).isEqualTo(0.25);
		assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
		assertThat(options.boundDuration()).isEqualTo(Duration.ofMinutes(2));
		assertThat(options.summary()).isEqualTo(Path.of("out.json"));
	}

	@Test
	void shouldBoundTheBoundsByTheDurationAndTwentySeconds() {
		assertThat(BenchOptions.parse("--duration", "5s").boundDuration()).isEqualTo(Duration.ofSeconds(5));
		assertThat(BenchOptions.parse("--duration", "60s").boundDuration()).isEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void shouldSendMostOrdersToTheHotSkuOnlyInTheHotSkuScenario() {
		assertThat(BenchOptions.parse("--scenario", "hot-sku").hotRatio()).isEqualTo(0.8);
		assertThat(BenchOptions.parse("--scenario", "checkout").hotRatio()).isZero();
	}

	@Test
	void shouldRefuseWhatItCannotRun() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--scenario", "soak"))
			.withMessageContaining("checkout, cancel, hot-sku, browse");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--duration", "soon"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--concurrency", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--hot-ratio", "1.5"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--users"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--threads", "4"));
	}

}
