package io.tccmall.bench.load;

import io.gatling.javaapi.core.Simulation;
import io.tccmall.bench.Scenario;

/** The Gatling simulation of each scenario. */
public final class Simulations {

	private Simulations() {
	}

	public static Class<? extends Simulation> of(Scenario scenario) {
		return switch (scenario) {
			case CHECKOUT -> CheckoutSimulation.class;
			case CANCEL -> CancelSimulation.class;
			case HOT_SKU -> HotSkuSimulation.class;
			case BROWSE -> BrowseSimulation.class;
		};
	}

	public static Class<? extends Simulation> gatewayBound() {
		return GatewayBoundSimulation.class;
	}

}
