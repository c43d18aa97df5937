package io.tccmall.order.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.tccmall.common.id.Ids;
import io.tccmall.common.web.BusinessException;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderCancelAction;
import io.tccmall.order.order.OrderItem;
import io.tccmall.order.order.OrderMapper;
import io.tccmall.order.order.OrderPayAction;
import io.tccmall.order.order.OrderPlaceAction;
import io.tccmall.order.participant.InventoryClient;
import io.tccmall.order.participant.Participants;
import org.apache.seata.spring.annotation.GlobalTransactional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The three global transactions of a checkout. Each method is the TM: it runs the
 * participants' Tries (one branch per participant, all skus of an order in one inventory
 * branch) and Seata commits or rolls back every branch. Any exception rolls everything
 * back and reaches the caller unchanged. Paying has no inventory branch: the order's
 * stock is already reserved for it, and inventory-service books it as sold when the
 * {@code OrderPaid} event arrives (ADR 0011).
 */
@Component
class CheckoutTransactions {

	private final Participants participants;

	private final OrderPlaceAction placeAction;

	private final OrderPayAction payAction;

	private final OrderCancelAction cancelAction;

	private final OrderMapper orders;

	private final Clock clock;

	private final Duration paymentTimeout;

	CheckoutTransactions(Participants participants, OrderPlaceAction placeAction, OrderPayAction payAction,
			OrderCancelAction cancelAction, OrderMapper orders, Clock clock,
			@Value("${tccmall.order.payment-timeout}") Duration paymentTimeout) {
		this.participants = participants;
		this.placeAction = placeAction;
		this.payAction = payAction;
		this.cancelAction = cancelAction;
		this.orders = orders;
		this.clock = clock;
		this.paymentTimeout = paymentTimeout;
	}

	@GlobalTransactional(name = "place-order", timeoutMills = 30_000, rollbackFor = Throwable.class)
	public String place(String userId, String idempotencyKey, String requestHash, PlaceOrderRequest request,
			String saleId) {
		Duration deadline = paymentDeadline(request);
		String orderNo = Ids.next();
		InventoryClient.Reservation reservation = this.participants.reserveStock(orderNo,
				request.items().stream().map(l -> new InventoryClient.Line(l.skuId(), l.quantity())).toList(), saleId);
		long total = reservation.items().stream().mapToLong(l -> l.unitPriceCents() * l.quantity()).sum();
		long discount = (request.couponId() != null)
				? Math.min(total, this.participants.lockCoupon(request.couponId(), userId, orderNo, total)) : 0;

		LocalDateTime now = LocalDateTime.now(this.clock);
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
		List<OrderItem> items = reservation.items()
			.stream()
			.map(l -> new OrderItem(orderNo, l.skuId(), l.name(), l.quantity(), l.unitPriceCents()))
			.toList();
		this.placeAction.prepare(null, orderNo, order, items);
		return orderNo;
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

	@GlobalTransactional(name = "pay-order", timeoutMills = 30_000, rollbackFor = Throwable.class)
	public void pay(Order order, String idempotencyKey) {
		String orderNo = order.getOrderNo();
		this.payAction.prepare(null, orderNo, order.getUserId(), idempotencyKey);
		// the participants' Tries are independent of each other: they run at once
		AtomicReference<String> paymentNo = new AtomicReference<>();
		List<Runnable> tries = new ArrayList<>();
		tries.add(() -> paymentNo
			.set(this.participants.debitWallet(orderNo, order.getUserId(), order.getPayableCents())));
		if (order.getCouponId() != null) {
			tries.add(() -> this.participants.useCoupon(order.getCouponId(), orderNo));
		}
		this.participants.inParallel(tries);
		// written during the Try phase; order-pay's Cancel clears it again
		this.orders.recordPaymentNo(orderNo, paymentNo.get());
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

}
