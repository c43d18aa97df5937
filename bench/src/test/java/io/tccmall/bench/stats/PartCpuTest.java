package io.tccmall.bench.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PartCpuTest {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void dividesEachPartsCpuInTheWindowByTheOperationsLargestFirst() {
		// ticks are 10 ms; the window is 10 s, 100 operations
		var before = new PartCpu.Sample(0, Map.of("gateway", 1_000L, "order-service", 2_000L), 50_000, 2);
		var during = new PartCpu.Sample(5 * SECOND, Map.of("gateway", 1_100L, "order-service", 2_500L), 50_900, 2);
		var after = new PartCpu.Sample(10 * SECOND, Map.of("gateway", 1_200L, "order-service", 3_000L), 51_800, 2);

		PartCpu.Usage usage = PartCpu.usage(List.of(before, during, after), SECOND / 10, 10 * SECOND - 7, 100);

		assertThat(usage.msPerOperation()).containsExactly(Map.entry("order-service", 100.0),
				Map.entry("gateway", 20.0));
		assertThat(usage.totalMsPerOperation()).isEqualTo(120.0);
		assertThat(usage.machineBusyMsPerSecond()).isEqualTo(1_800.0);
		assertThat(usage.machineMsPerSecond()).isEqualTo(2_000.0);
		assertThat(usage.describe())
			.isEqualTo("120.0 ms: order-service 100.0, gateway 20.0 (machine busy 1800 of 2000 ms/s)");
	}

	@Test
	void leavesOutAPartThatWasNotThereAtTheStartOfTheWindow() {
		var before = new PartCpu.Sample(0, Map.of("gateway", 1_000L), 0, 2);
		var after = new PartCpu.Sample(10 * SECOND, Map.of("gateway", 1_100L, "restarted", 500L), 100, 2);

		assertThat(PartCpu.usage(List.of(before, after), 0, 10 * SECOND, 10).msPerOperation())
			.containsOnlyKeys("gateway");
	}

	@Test
	void reportsNothingWithoutOperations() {
		var before = new PartCpu.Sample(0, Map.of("gateway", 1_000L), 0, 2);
		var after = new PartCpu.Sample(10 * SECOND, Map.of("gateway", 1_100L), 100, 2);

		assertThat(PartCpu.usage(List.of(before, after), 0, 10 * SECOND, 0)).isEqualTo(PartCpu.Usage.NONE);
		assertThat(PartCpu.Usage.NONE.describe()).isEmpty();
	}

	@Test
	void countsEveryStateButIdleAndIowaitAsBusy() {
		// user nice system idle iowait irq softirq steal
		assertThat(PartCpu.machineBusyTicks("cpu  100 5 50 1000 20 1 2 3 0 0")).isEqualTo(161);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void readsThisJvmsOwnCpuAndTheStacksPartsFile(@TempDir Path run) throws Exception {
		long self = ProcessHandle.current().pid();
		assertThat(PartCpu.processTicks(self)).hasValueSatisfying(ticks -> assertThat(ticks).isPositive());
		Path parts = Files.writeString(run.resolve("parts"), "gateway 8080 " + self + "\nkafka 9092 -\n");

		try (PartCpu cpu = PartCpu.start(parts).orElseThrow()) {
			Timing window = new Timing();
			long start = System.nanoTime();
			long spin = 0;
			while (System.nanoTime() - start < 300_000_000L) {
				spin += Long.numberOfTrailingZeros(System.nanoTime());
			}
			window.success(start, System.nanoTime());
			cpu.close();
			assertThat(spin).isPositive();
			assertThat(cpu.usage(window, 1).msPerOperation()).containsKeys("gateway", "bench-client")
				.doesNotContainKey("kafka");
		}
	}

	@Test
	void isAbsentWithoutAPartsFile(@TempDir Path run) {
		assertThat(PartCpu.start(run.resolve("parts"))).isEmpty();
		assertThat(PartCpu.start(null)).isEmpty();
	}

}
