package io.tccmall.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The load a bench run puts on the stack; each has a Gatling simulation and a name for
 * one iteration of it (the unit of its throughput).
 */
public enum Scenario {

	/** place an order (a stock-reserve call), then pay it (a wallet-debit call). */
	CHECKOUT("checkout", "checkout", 0.0, 2, 2),
	/** place an order, then cancel it (a stock-release call). */
	CANCEL("cancel", "place-cancel", 0.0, 2, 2),
	/** checkout where most orders buy the same sku: the guarded stock update races. */
	HOT_SKU("hot-sku", "checkout", 0.8, 2, 2),
	/** read only: a product, the wallet and the first page of orders. */
	BROWSE("browse", "browse", 0.0, 3, 0);

	private final String cliName;

	private final String operation;

	private final double defaultHotRatio;

	private final int gatewayRequests;

	private final int serviceCalls;

	Scenario(String cliName, String operation, double defaultHotRatio, int gatewayRequests, int serviceCalls) {
		this.cliName = cliName;
		this.operation = operation;
		this.defaultHotRatio = defaultHotRatio;
		this.gatewayRequests = gatewayRequests;
		this.serviceCalls = serviceCalls;
	}

	public static Scenario of(String name) {
		return Arrays.stream(values())
			.filter(s -> s.cliName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("--scenario must be one of "
					+ Arrays.stream(values()).map(Scenario::cliName).collect(Collectors.joining(", "))));
	}

	public String cliName() {
		return this.cliName;
	}

	/** The Gatling group of one iteration: its count per second is the throughput. */
	public String operation() {
		return this.operation;
	}

	public double defaultHotRatio() {
		return this.defaultHotRatio;
	}

	/** Requests a client sends through the gateway in one iteration. */
	public int gatewayRequests() {
		return this.gatewayRequests;
	}

	/**
	 * Calls one service makes to another (Feign) in one iteration, at the least: a
	 * checkout with a coupon makes one more.
	 */
	public int serviceCalls() {
		return this.serviceCalls;
	}

}
