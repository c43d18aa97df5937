package io.tccmall.bench.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.tccmall.bench.BenchData;
import io.tccmall.bench.stats.Timing;
import io.tccmall.bench.stats.Timings;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The shopper's requests through the gateway (docs/architecture.md, public API). Each
 * iteration is one Gatling group, so the report has its throughput and its end-to-end
 * latency next to each request's.
 */
final class ShopChains {

	private static final String START = "iterationStart";

	private ShopChains() {
	}

	/**
	 * Runs the chain and records its end-to-end duration, or its failure, in the
	 * {@link Timing} of that name. Each virtual user runs one iteration, so a failed
	 * session is a failed iteration.
	 */
	static ChainBuilder timed(String name, ChainBuilder chain) {
		Timing timing = Timings.of(name);
		return exec(session -> session.set(START, System.nanoTime())).exec(chain).exec(session -> {
			long start = session.getLong(START);
			if (session.isFailed()) {
				timing.failure(start, System.nanoTime());
			}
			else {
				timing.success(start, System.nanoTime());
			}
			return session;
		});
	}

	static ChainBuilder pickSku(BenchData data) {
		return exec(session -> session.set("sku", data.pickSku()));
	}

	/** Place an order of one unit, then pay it. */
	static ChainBuilder checkout() {
		return group("checkout")
			.on(exitBlockOnFail().on(place().exec(post("pay", "/api/orders/#{orderNo}/payment").body(StringBody("{}"))
				.check(status().is(200), jmesPath("status").is("PAID")))));
	}

	/** Place an order of one unit, then cancel it. */
	static ChainBuilder placeThenCancel() {
		return group("place-cancel").on(exitBlockOnFail()
			.on(place().exec(post("cancel", "/api/orders/#{orderNo}/cancellation").body(StringBody("{}"))
				.check(status().is(200), jmesPath("status").is("CANCELLED")))));
	}

	/** Read only: a product, the wallet, the first page of orders. */
	static ChainBuilder browse() {
		return group("browse").on(exec(get("product", "/api/products/#{sku}"), get("wallet", "/api/wallet"),
				get("orders", "/api/orders?page=0&size=20")));
	}

	private static ChainBuilder place() {
		return exec(post("place", "/api/orders").body(StringBody("{\"items\":[{\"skuId\":\"#{sku}\",\"quantity\":1}]}"))
			.check(status().is(201), jmesPath("orderNo").saveAs("orderNo")));
	}

	private static HttpRequestActionBuilder post(String name, String path) {
		return http(name).post(path)
			.header("Authorization", "Bearer #{token}")
			.header("Idempotency-Key", "bench-#{randomUuid()}");
	}

	private static HttpRequestActionBuilder get(String name, String path) {
		return http(name).get(path).header("Authorization", "Bearer #{token}").check(status().is(200));
	}

}
