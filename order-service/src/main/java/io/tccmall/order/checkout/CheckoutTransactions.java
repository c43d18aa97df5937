package io.tccmall.order.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.tccmall.common.web.BusinessException;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderCancelAction;
import io.tccmall.order.order.OrderItem;
import io.tccmall.order.order.OrderMapper;
import io.tccmall.order.order.OrderSettlement;
import io.tccmall.order.participant.InventoryClient;
import io.tccmall.order.participant.Participants;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The three global transactions of a checkout. Each method is the TM: it runs the
 * participants' Tries (one branch per participant, all skus of an order in one inventory
 * branch) and Seata commits or rolls back every branch. Any exception rolls everything
 * back and reaches the caller unchanged. The order's own steps of place and pay are local
 * writes, not branches (ADR 0012): {@link CheckoutService} settles the order once Seata
 * has answered. Paying has no inventory branch: the order's stock is already reserved for
 * it, and inventory-service books it as sold when the {@code OrderPaid} event arrives
 * (ADR 0011).
 */
@Component
class CheckoutTransactions {

	private final Participants participants;

	private final OrderSettlement settlement;

	private final OrderCancelAction cancelAction;

	private final OrderMapper orders;

	private final Clock clock;

	private final Duration paymentTimeout;

	CheckoutTransactions(Participants participants, OrderSettlement settlement, OrderCancelAction cancelAction,
			OrderMapper orders, Clock clock, @Value("${tccmall.order.payment-timeout}") Duration paymentTimeout) {
		this.participants = participants;
		this.settlement = settlement;
		this.cancelAction = cancelAction;
		this.orders = orders;
		this.clock = clock;
		this.paymentTimeout = paymentTimeout;
	}

	/**
	 * Reserves the stock, locks the coupon, and last writes the order and its lines as
	 * TRYING with the transaction's XID: an order row means every Try succeeded, and
	 * tells whoever settles it which transaction decides it.
	 */
	@GlobalTransactional(name = "place-order", timeoutMills = 30_000, rollbackFor = Throwable.class)
	public Placement place(String orderNo, String userId, String idempotencyKey, String requestHash,
			PlaceOrderRequest request, String saleId) {
		Duration deadline = paymentDeadline(request);
		InventoryClient.Reservation reservation = this.participants.reserveStock(orderNo,
				request.items().stream().map(l -> new InventoryClient.Line(l.skuId(), l.quantity())).toList(), saleId);
		long total = reservation.items().stream().mapToLong(l -> l.unitPriceCents() * l.quantity()).sum();
		long discount = (request.couponId() != null)
				? Math.min(total, this.participants.lockCoupon(request.couponId(), userId, orderNo, total)) : 0;

		// the database keeps milliseconds: the answer must show what a later read shows
		LocalDateTime now = LocalDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		Order order = new Order();
		order.setOrderNo(orderNo);
		order.setUserId(userId);
		order.setTotalCents(total);
		order.setDiscountCents(discount);
		order.setPayableCents(total - discount);
		order.setCouponId(request.couponId());
		order.setIdempotencyKey(idempotencyKey);
		order.setRequestHash(requestHash);
		order.setCreatedAt(now);
		order.setExpireAt(now.plus(deadline));
		order.setPlaceXid(RootContext.getXID());
		List<OrderItem> items = reservation.items()
			.stream()
			.map(l -> new OrderItem(orderNo, l.skuId(), l.name(), l.quantity(), l.unitPriceCents()))
			.toList();
		this.settlement.insertTrying(order, items);
		return new Placement(order, items);
	}

	private Duration paymentDeadline(PlaceOrderRequest request) {
		if (request.paymentDeadlineSeconds() == null) {
			return this.paymentTimeout;
		}
		Duration asked = Duration.ofSeconds(request.paymentDeadlineSeconds());
		if (asked.compareTo(this.paymentTimeout) > 0) {
			throw BusinessException.unprocessable("PAYMENT_DEADLINE_TOO_LONG", "paymentDeadlineSeconds may be at most "
					+ this.paymentTimeout.toSeconds() + " (the shop's payment deadline)");
		}
		return asked;
	}

	/**
	 * First AWAITING_PAYMENT → PAYING with the transaction's XID (recorded in
	 * {@code attempt} before anything else), then the wallet debit and the coupon use,
	 * and last the payment number: an order PAYING for this XID without a payment number
	 * means the body failed, and the transaction is rolled back. Returns the payment
	 * number.
	 */
	@GlobalTransactional(name = "pay-order", timeoutMills = 30_000, rollbackFor = Throwable.class)
	public String pay(Order order, String idempotencyKey, PayAttempt attempt) {
		String orderNo = order.getOrderNo();
		attempt.began(RootContext.getXID());
		if (!this.settlement.startPayment(order, idempotencyKey, attempt.xid())) {
			throw BusinessException.conflict("ILLEGAL_ORDER_STATE",
					"Order " + orderNo + " is not awaiting payment (already paid, cancelled, expired or being paid)");
		}
		attempt.orderPaying();
		// the participants' Tries are independent of each other: they run at once
		AtomicReference<String> paymentNo = new AtomicReference<>();
		List<Runnable> tries = new ArrayList<>();
		tries.add(() -> paymentNo
			.set(this.participants.debitWallet(orderNo, order.getUserId(), order.getPayableCents())));
		if (order.getCouponId() != null) {
			tries.add(() -> this.participants.useCoupon(order.getCouponId(), orderNo));
		}
		this.participants.inParallel(tries);
		this.orders.recordPaymentNo(orderNo, paymentNo.get());
		return paymentNo.get();
	}

	@GlobalTransactional(name = "cancel-order", timeoutMills = 30_000, rollbackFor = Throwable.class)
	public void cancel(Order order, String reason) {
		String orderNo = order.getOrderNo();
		this.cancelAction.prepare(null, orderNo, order.getUserId(), reason);
		List<Runnable> tries = new ArrayList<>();
		tries.add(() -> this.participants.releaseStock(orderNo));
		if (order.getCouponId() != null) {
			tries.add(() -> this.participants.releaseCoupon(order.getCouponId(), orderNo));
		}
		this.participants.inParallel(tries);
	}

	/** A placed order as written, before it is settled. */
	record Placement(Order order, List<OrderItem> items) {
	}

}
