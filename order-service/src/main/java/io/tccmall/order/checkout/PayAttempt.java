package io.tccmall.order.checkout;

/**
 * What the TM knows of one pay transaction when its body or Seata throws: its XID, and
 * whether the order was moved to PAYING for it (only then is there anything to settle).
 */
final class PayAttempt {

	private volatile String xid;

	private volatile boolean orderPaying;

	void began(String xid) {
		this.xid = xid;
	}

	void orderPaying() {
		this.orderPaying = true;
	}

	String xid() {
		return this.xid;
	}

	boolean isOrderPaying() {
		return this.orderPaying;
	}

}
