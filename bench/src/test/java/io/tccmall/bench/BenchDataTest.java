package io.tccmall.bench;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchDataTest {

	@Test
	void shouldNameTheRowsTheInvariantCheckLooksFor() {
		BenchData data = new BenchData(3, 2, 0);

		assertThat(data.userIds()).containsExactly("bench-u00001", "bench-u00002", "bench-u00003");
		assertThat(data.skuIds()).containsExactly("BENCH-00001", "BENCH-00002", "BENCH-HOT");
	}

	@Test
	void shouldPickTheHotSkuOnlyAsOftenAsAsked() {
		Set<String> cold = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			cold.add(new BenchData(1, 2, 0).pickSku());
		}
		assertThat(cold).containsExactlyInAnyOrder("BENCH-00001", "BENCH-00002");
		for (int i = 0; i < 100; i++) {
			assertThat(new BenchData(1, 2, 1).pickSku()).isEqualTo(BenchData.HOT_SKU);
		}
		long hot = 0;
		BenchData half = new BenchData(1, 50, 0.5);
		for (int i = 0; i < 10_000; i++) {
			hot += half.pickSku().equals(BenchData.HOT_SKU) ? 1 : 0;
		}
		assertThat(hot).isBetween(4_000L, 6_000L);
	}

}
