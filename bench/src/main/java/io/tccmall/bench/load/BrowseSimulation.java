package io.tccmall.bench.load;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Scenario {@code browse} of {@code ./tccmall bench} (settings: {@link LoadSettings}).
 */
public class BrowseSimulation extends Simulation {

	public BrowseSimulation() {
		LoadSettings settings = LoadSettings.fromSystemProperties();
		setUp(settings.closed(scenario("browse").feed(settings.shoppers())
			.exec(ShopChains.pickSku(settings.data()))
			.exec(ShopChains.timed("browse", ShopChains.browse())))).protocols(settings.protocol());
	}

}
