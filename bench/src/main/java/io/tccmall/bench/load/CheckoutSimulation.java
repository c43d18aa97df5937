package io.tccmall.bench.load;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Scenario {@code checkout} of {@code ./tccmall bench} (settings: {@link LoadSettings}).
 */
public class CheckoutSimulation extends Simulation {

	public CheckoutSimulation() {
		LoadSettings settings = LoadSettings.fromSystemProperties();
		setUp(settings.closed(scenario("checkout").feed(settings.shoppers())
			.exec(ShopChains.pickSku(settings.data()))
			.exec(ShopChains.timed("checkout", ShopChains.checkout())))).protocols(settings.protocol());
	}

}
