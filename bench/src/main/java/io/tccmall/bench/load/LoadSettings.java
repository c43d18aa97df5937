package io.tccmall.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.tccmall.bench.BenchData;
import io.tccmall.bench.Tokens;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What a simulation reads from the system properties {@link LoadRun} sets (Gatling
 * creates the simulation itself, in the same JVM).
 */
record LoadSettings(String gateway, String direct, int concurrency, Duration duration, BenchData data) {

	static LoadSettings fromSystemProperties() {
		return new LoadSettings(property("bench.gateway"), property("bench.direct"),
				Integer.parseInt(property("bench.concurrency")),
				Duration.ofMillis(Long.parseLong(property("bench.durationMs"))),
				new BenchData(Integer.parseInt(property("bench.users")), Integer.parseInt(property("bench.skus")),
						Double.parseDouble(property("bench.hotRatio"))));
	}

	/**
	 * Closed model: this many virtual users at any time, each one iteration, for the
	 * duration.
	 */
	PopulationBuilder closed(ScenarioBuilder scenario) {
		return scenario.injectClosed(constantConcurrentUsers(this.concurrency).during(this.duration));
	}

	/** Every bench user with a token, round robin over the virtual users. */
	FeederBuilder<Object> shoppers() {
		Tokens tokens = Tokens.fromEnvironment(this.duration.plusHours(1));
		List<Map<String, Object>> records = this.data.userIds()
			.stream()
			.map(user -> Map.<String, Object>of("userId", user, "token", tokens.shopper(user)))
			.toList();
		return listFeeder(records).circular();
	}

	/**
	 * JSON in and out, one connection pool for all virtual users (like a client that
	 * keeps its connections), no caching.
	 */
	HttpProtocolBuilder protocol() {
		return http.baseUrl(this.gateway)
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.shareConnections()
			.disableCaching()
			.warmUp(this.gateway + "/actuator/health");
	}

	private static String property(String name) {
		String value = System.getProperty(name);
		if (value == null) {
			throw new IllegalStateException(
					"system property " + name + " is not set (run through io.tccmall.bench.Bench)");
		}
		return value;
	}

}
