package io.tccmall.bench.chaos;

/** What a chaos run kills with SIGKILL (Redis: SHUTDOWN NOSAVE) and starts again. */
enum FaultKind {

	/** One instance of inventory-, payment- or coupon-service. */
	PARTICIPANT,
	/** One instance of order-service, the TM, possibly between a Try and its Confirm. */
	ORDER,
	/** The Seata TC: it must recover its sessions from its file store. */
	TC,
	/** The machine's Redis, restarted without its keys. */
	REDIS,
	/** The Kafka broker. */
	KAFKA

}
