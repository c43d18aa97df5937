package io.tccmall.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HopCeilingTest {

	@Test
	void addsUpTheMachineTimeOfEveryHop() {
		// 2 requests at 300/s and 2 at 2,000/s take 1/150 + 1/1,000 s of the machine
		Summary.HopCeiling ceiling = Summary.HopCeiling.of(2, 2, 300, 2_000, 1_000);

		assertThat(ceiling.operationsPerSecond()).isEqualTo(130.43);
		assertThat(ceiling.ratio()).isEqualTo(0.1304);
	}

	@Test
	void aReadOnlyScenarioHasOnlyItsGatewayRequests() {
		Summary.HopCeiling ceiling = Summary.HopCeiling.of(3, 0, 300, 2_000, 1_000);

		assertThat(ceiling.operationsPerSecond()).isEqualTo(100.0);
	}

	@Test
	void isZeroWhenTheBoundsWereNotMeasured() {
		Summary.HopCeiling ceiling = Summary.HopCeiling.of(2, 2, 0, 0, 0);

		assertThat(ceiling.operationsPerSecond()).isZero();
		assertThat(ceiling.ratio()).isZero();
	}

}
