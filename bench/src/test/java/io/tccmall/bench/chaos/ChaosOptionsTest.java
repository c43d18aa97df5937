package io.tccmall.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChaosOptionsTest {

	@Test
	void shouldReadEveryOptionInBothSpellings() {
		ChaosOptions options = ChaosOptions.parse("--mode", "rolling", "--duration=10m", "--seed", "42",
				"--concurrency=3", "--converge", "90s", "--replicas", "2", "--faults", "tc, redis", "--gateway",
				"http://127.0.0.1:9090", "--tccmall", "/repo/tccmall");

		assertThat(options.mode()).isEqualTo("rolling");
		assertThat(options.duration()).isEqualTo(Duration.ofMinutes(10));
		assertThat(options.seed()).isEqualTo(42);
		assertThat(options.concurrency()).isEqualTo(3);
		assertThat(options.converge()).isEqualTo(Duration.ofSeconds(90));
		assertThat(options.replicas()).isEqualTo(2);
		assertThat(options.kinds()).containsExactlyInAnyOrder(FaultKind.TC, FaultKind.REDIS);
		assertThat(options.gateway()).isEqualTo("http://127.0.0.1:9090");
		assertThat(options.tccmall()).isEqualTo(Path.of("/repo/tccmall"));
	}

	@Test
	void shouldInjectEveryKindOfFaultByDefault() {
		assertThat(ChaosOptions.parse().kinds()).containsExactlyInAnyOrder(FaultKind.values());
		assertThat(ChaosOptions.parse().seed()).isNotNegative();
	}

	@Test
	void shouldRefuseWhatItCannotRun() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChaosOptions.parse("--mode", "gentle"))
			.withMessageContaining("--mode");
		assertThatIllegalArgumentException().isThrownBy(() -> ChaosOptions.parse("--faults", "disk"));
		assertThatIllegalArgumentException().isThrownBy(() -> ChaosOptions.parse("--duration", "soon"))
			.withMessageContaining("--duration");
		assertThatIllegalArgumentException().isThrownBy(() -> ChaosOptions.parse("--seed"))
			.withMessageContaining("needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> ChaosOptions.parse("--concurrency", "0"));
	}

}
