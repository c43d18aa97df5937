package io.tccmall.order.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import io.tccmall.common.lock.LockTemplate;
import io.tccmall.common.web.BusinessException;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderItemMapper;
import io.tccmall.order.order.OrderMapper;
import io.tccmall.order.order.OrderStatus;

import org.springframework.stereotype.Service;

/**
 * What a shopper can do with orders. Locks (per idempotency key, per order) only cut
 * wasted work; the unique (user, Idempotency-Key) index and the guarded status updates
 * make every race safe without them.
 */
@Service
public class CheckoutService {

	private final CheckoutTransactions transactions;

	private final OrderMapper orders;

	private final OrderItemMapper items;

	private final LockTemplate locks;

	CheckoutService(CheckoutTransactions transactions, OrderMapper orders, OrderItemMapper items, LockTemplate locks) {
		this.transactions = transactions;
		this.orders = orders;
		this.items = items;
		this.locks = locks;
	}

	public Placed place(String userId, String idempotencyKey, PlaceOrderRequest request) {
		String hash = sha256(request.canonical());
		return this.locks.withLock("order-place:" + userId + ":" + idempotencyKey, () -> {
			Order earlier = this.orders.findByIdempotencyKey(userId, idempotencyKey);
			if (earlier != null) {
				if (!earlier.getRequestHash().equals(hash)) {
					throw BusinessException.unprocessable("IDEMPOTENCY_KEY_REUSED",
							"Idempotency-Key " + idempotencyKey + " was used for a different order");
				}
				return new Placed(view(earlier), true);
			}
			String orderNo = this.transactions.place(userId, idempotencyKey, hash, request);
			return new Placed(view(this.orders.selectById(orderNo)), false);
		});
	}

	public PaymentView pay(String userId, String orderNo, String idempotencyKey) {
		return this.locks.withLock("order:" + orderNo, () -> {
			Order order = ownOrder(userId, orderNo);
			if (order.getStatus() == OrderStatus.PAID && idempotencyKey.equals(order.getPayIdempotencyKey())) {
				return paymentView(order);
			}
			if (order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
				throw illegalState(order, "paid");
			}
			this.transactions.pay(order, idempotencyKey);
			return paymentView(this.orders.selectById(orderNo));
		});
	}

	public OrderView cancel(String userId, String orderNo) {
		return this.locks.withLock("order:" + orderNo, () -> {
			Order order = ownOrder(userId, orderNo);
			if (order.getStatus() == OrderStatus.CANCELLED) {
				return view(order);
			}
			if (order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
				throw illegalState(order, "cancelled");
			}
			this.transactions.cancel(order, "USER");
			return view(this.orders.selectById(orderNo));
		});
	}

	public OrderView find(String userId, String orderNo) {
		return view(ownOrder(userId, orderNo));
	}

	public OrderPage list(String userId, int page, int size) {
		var views = this.orders.findPage(userId, size, (long) page * size).stream().map(this::view).toList();
		return new OrderPage(views, page, size, this.orders.countByUser(userId));
	}

	private Order ownOrder(String userId, String orderNo) {
		Order order = this.orders.selectById(orderNo);
		// another user's order is indistinguishable from a missing one
		if (order == null || !Objects.equals(order.getUserId(), userId)) {
			throw BusinessException.notFound("ORDER_NOT_FOUND", "No order " + orderNo);
		}
		return order;
	}

	private OrderView view(Order order) {
		return OrderView.of(order, this.items.findByOrderNo(order.getOrderNo()));
	}

	private static PaymentView paymentView(Order order) {
		return new PaymentView(order.getOrderNo(), order.getStatus(), order.getPaymentNo());
	}

	private static BusinessException illegalState(Order order, String what) {
		return BusinessException.conflict("ILLEGAL_ORDER_STATE",
				"Order " + order.getOrderNo() + " is " + order.getStatus() + " and cannot be " + what);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record Placed(OrderView order, boolean replayed) {
	}

}
