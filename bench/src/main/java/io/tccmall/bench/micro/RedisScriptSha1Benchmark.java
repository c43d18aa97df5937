package io.tccmall.bench.micro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;

/**
 * What the gateway's rate limiter pays before each of its two Redis calls per request:
 * Spring Data Redis asks the script for its SHA1 on every EVALSHA. A script read from a
 * jar through a {@code ResourceScriptSource} (Spring Cloud Gateway's default) first asks
 * the class loader for the file and its modification time, in a synchronized block; the
 * same text held in memory ({@code RateLimiterConfiguration}) only returns the cached
 * SHA1. Two threads, as the gateway's two event loops here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(2)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RedisScriptSha1Benchmark {

	static final String SCRIPT = "micro/token-bucket.lua";

	private DefaultRedisScript<List> fromJar;

	private RedisScript<List> inMemory;

	@Setup
	public void readScripts() throws IOException {
		ClassPathResource resource = new ClassPathResource(SCRIPT);
		this.fromJar = new DefaultRedisScript<>();
		this.fromJar.setScriptSource(new ResourceScriptSource(resource));
		this.fromJar.setResultType(List.class);
		this.inMemory = RedisScript.of(resource.getContentAsString(StandardCharsets.UTF_8), List.class);
	}

	@Benchmark
	public String scriptFromJar() {
		return this.fromJar.getSha1();
	}

	@Benchmark
	public String scriptInMemory() {
		return this.inMemory.getSha1();
	}

}
