package io.tccmall.bench.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The gateway bound: the trivial {@code GET /api/products/{sku}} through the gateway,
 * then the same call straight to one inventory-service instance, at the same concurrency
 * for the same time. The difference is what the gateway hop costs.
 */
public class GatewayBoundSimulation extends Simulation {

	public GatewayBoundSimulation() {
		LoadSettings settings = LoadSettings.fromSystemProperties();
		ScenarioBuilder viaGateway = scenario("via gateway").feed(settings.shoppers())
			.exec(ShopChains.pickSku(settings.data()))
			.exec(ShopChains.timed("gateway",
					exec(http("gateway").get(settings.gateway() + "/api/products/#{sku}")
						.header("Authorization", "Bearer #{token}")
						.check(status().is(200)))));
		// the service verifies the same bearer token itself, through the gateway or not
		// (ADR 0014)
		ScenarioBuilder direct = scenario("direct").feed(settings.shoppers())
			.exec(ShopChains.pickSku(settings.data()))
			.exec(ShopChains.timed("direct",
					exec(http("direct").get(settings.direct() + "/api/products/#{sku}")
						.header("Authorization", "Bearer #{token}")
						.check(status().is(200)))));
		setUp(settings.closed(viaGateway).andThen(settings.closed(direct))).protocols(settings.protocol());
	}

}
