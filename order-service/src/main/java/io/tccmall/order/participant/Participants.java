package io.tccmall.order.participant;

import java.time.Instant;
import java.util.List;

import io.tccmall.common.reconciliation.ParticipantFindings;
import io.tccmall.common.reconciliation.ParticipantOrderState;
import io.tccmall.common.resilience.ParticipantCalls;
import io.tccmall.common.tcc.TccBranchApi;

import org.springframework.stereotype.Component;

/**
 * The participants as the checkout sees them: every call goes through a circuit breaker
 * and a time limiter named after the participant, and is never retried (a Try is retried
 * only by a new request with the same Idempotency-Key).
 */
@Component
public class Participants {

	private final ParticipantCalls calls;

	private final InventoryClient inventory;

	private final CouponClient coupons;

	private final PaymentClient payments;

	Participants(ParticipantCalls calls, InventoryClient inventory, CouponClient coupons, PaymentClient payments) {
		this.calls = calls;
		this.inventory = inventory;
		this.coupons = coupons;
		this.payments = payments;
	}

	/**
	 * Runs independent calls of this class at once; see {@link ParticipantCalls#runAll}.
	 */
	public void inParallel(List<Runnable> calls) {
		this.calls.runAll(calls);
	}

	public InventoryClient.Reservation reserveStock(String orderNo, List<InventoryClient.Line> lines, String saleId) {
		return this.calls.call("inventory",
				() -> this.inventory.reserve(new InventoryClient.ReserveRequest(orderNo, lines, saleId)));
	}

	public void releaseStock(String orderNo) {
		this.calls.run("inventory", () -> this.inventory.release(orderNo));
	}

	public long lockCoupon(String couponId, String userId, String orderNo, long orderTotalCents) {
		return this.calls
			.call("coupon",
					() -> this.coupons.lock(couponId, new CouponClient.LockRequest(userId, orderNo, orderTotalCents)))
			.discountCents();
	}

	public void useCoupon(String couponId, String orderNo) {
		this.calls.run("coupon", () -> this.coupons.use(couponId, new CouponClient.OrderRef(orderNo)));
	}

	public void releaseCoupon(String couponId, String orderNo) {
		this.calls.run("coupon", () -> this.coupons.release(couponId, new CouponClient.OrderRef(orderNo)));
	}

	public String debitWallet(String orderNo, String userId, long amountCents) {
		return this.calls
			.call("payment", () -> this.payments.debit(new PaymentClient.DebitRequest(orderNo, userId, amountCents)))
			.paymentNo();
	}

	/*
	 * Reconciliation reads have circuit breakers and time limiters of their own
	 * ("<participant>-reconciliation"): a slow report never opens the checkout's circuit.
	 */

	public ParticipantFindings inventoryFindings(Instant since) {
		return this.calls.call("inventory-reconciliation", () -> this.inventory.reconciliation(since.toString()));
	}

	public ParticipantFindings paymentFindings(Instant since) {
		return this.calls.call("payment-reconciliation", () -> this.payments.reconciliation(since.toString()));
	}

	public ParticipantFindings couponFindings(Instant since) {
		return this.calls.call("coupon-reconciliation", () -> this.coupons.reconciliation(since.toString()));
	}

	/**
	 * The admin lookup's reads, behind the reconciliation reads' circuit breakers (a look
	 * at one order is a reconciliation read too).
	 */
	public ParticipantOrderState inventoryState(String orderNo, List<String> xids) {
		return this.calls.call("inventory-reconciliation", () -> this.inventory.orderState(orderNo, xids));
	}

	public ParticipantOrderState paymentState(String orderNo, List<String> xids) {
		return this.calls.call("payment-reconciliation", () -> this.payments.orderState(orderNo, xids));
	}

	/** The participants that serve {@link TccBranchApi}, by name. */
	public static final List<String> NAMES = List.of("inventory", "coupon", "payment");

	/**
	 * The repair of branches whose transaction the TC forgot, behind the reconciliation
	 * reads' circuit breakers.
	 */
	public List<TccBranchApi.TriedBranch> triedBranches(String participant, long olderThanSeconds, int limit) {
		return this.calls.call(participant + "-reconciliation",
				() -> branches(participant).triedBranches(olderThanSeconds, limit));
	}

	public List<TccBranchApi.SettledBranch> settleBranches(String participant,
			TccBranchApi.BranchSettlement settlement) {
		return this.calls.call(participant + "-reconciliation", () -> branches(participant).settle(settlement));
	}

	private TccBranchApi branches(String participant) {
		return switch (participant) {
			case "inventory" -> this.inventory;
			case "coupon" -> this.coupons;
			case "payment" -> this.payments;
			default -> throw new IllegalArgumentException("no participant " + participant);
		};
	}

	public ParticipantOrderState couponState(String orderNo, List<String> xids, String couponId) {
		return this.calls.call("coupon-reconciliation", () -> this.coupons.orderState(orderNo, xids, couponId));
	}

}
