package io.tccmall.bench.load;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Scenario {@code hot-sku} of {@code ./tccmall bench} (settings: {@link LoadSettings}).
 */
public class HotSkuSimulation extends Simulation {

	public HotSkuSimulation() {
		LoadSettings settings = LoadSettings.fromSystemProperties();
		setUp(settings.closed(scenario("hot-sku").feed(settings.shoppers())
			.exec(ShopChains.pickSku(settings.data()))
			.exec(ShopChains.timed("checkout", ShopChains.checkout())))).protocols(settings.protocol());
	}

}
