package io.tccmall.bench.micro;

import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The microbenchmark still builds and runs (one short iteration in this JVM, no timing
 * asserted), and both scripts give the same SHA1, so the benchmark compares like with
 * like.
 */
class RedisScriptSha1BenchmarkTest {

	@Test
	void shouldRunBothVariantsOnTheSameScript() throws Exception {
		RedisScriptSha1Benchmark benchmark = new RedisScriptSha1Benchmark();
		benchmark.readScripts();
		assertThat(benchmark.scriptFromJar()).isEqualTo(benchmark.scriptInMemory()).hasSize(40);

		Collection<RunResult> results = run();
		assertThat(results).extracting(r -> r.getParams().getBenchmark())
			.containsExactlyInAnyOrder(RedisScriptSha1Benchmark.class.getName() + ".scriptFromJar",
					RedisScriptSha1Benchmark.class.getName() + ".scriptInMemory");
		assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
	}

	private static Collection<RunResult> run() throws RunnerException {
		return new Runner(new OptionsBuilder().include(RedisScriptSha1Benchmark.class.getName())
			.forks(0)
			.threads(1)
			.warmupIterations(0)
			.measurementIterations(1)
			.measurementTime(TimeValue.milliseconds(200))
			.build()).run();
	}

}
