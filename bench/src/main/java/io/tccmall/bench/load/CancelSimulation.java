package io.tccmall.bench.load;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Scenario {@code cancel} of {@code ./tccmall bench} (settings: {@link LoadSettings}).
 */
public class CancelSimulation extends Simulation {

	public CancelSimulation() {
		LoadSettings settings = LoadSettings.fromSystemProperties();
		setUp(settings.closed(scenario("cancel").feed(settings.shoppers())
			.exec(ShopChains.pickSku(settings.data()))
			.exec(ShopChains.timed("place-cancel", ShopChains.placeThenCancel())))).protocols(settings.protocol());
	}

}
