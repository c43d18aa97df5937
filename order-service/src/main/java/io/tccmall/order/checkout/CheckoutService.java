package io.tccmall.order.checkout;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.tccmall.common.id.Ids;
import io.tccmall.common.idempotency.IdempotentRequest;
import io.tccmall.common.lock.LockTemplate;
import io.tccmall.common.web.BusinessException;
import io.tccmall.order.order.HoldingCaps;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderItemMapper;
import io.tccmall.order.order.OrderMapper;
import io.tccmall.order.order.OrderSettlement;
import io.tccmall.order.order.OrderStatus;

import org.springframework.stereotype.Service;

/**
 * What a shopper can do with orders. Replays of the same request are answered by the
 * idempotency store before they get here; what reaches this class is kept safe by the
 * unique (user, Idempotency-Key) index of orders and the guarded status updates, and the
 * per-order lock only cuts wasted work.
 */
@Service
public class CheckoutService {

	private final CheckoutTransactions transactions;

	private final OrderMapper orders;

	private final OrderItemMapper items;

	private final LockTemplate locks;

	private final OrderSettlement settlement;

	private final OrderOutcomes outcomes;

	private final HoldingCaps caps;

	CheckoutService(CheckoutTransactions transactions, OrderMapper orders, OrderItemMapper items, LockTemplate locks,
			OrderSettlement settlement, OrderOutcomes outcomes, HoldingCaps caps) {
		this.caps = caps;
		this.transactions = transactions;
		this.settlement = settlement;
		this.outcomes = outcomes;
		this.orders = orders;
		this.items = items;
		this.locks = locks;
	}

	public OrderView place(String userId, String idempotencyKey, PlaceOrderRequest request) {
		return place(userId, idempotencyKey, request, null);
	}

	/**
	 * Places the order of a buyer the flash sale admitted: one unit of the sale's sku
	 * from the sale's units, with the sale's payment deadline. The ticket id is the
	 * order's idempotency key, so a ticket delivered twice places one order.
	 */
	public OrderView placeFlashSaleOrder(String userId, String ticketId, String saleId, String skuId,
			int paymentDeadlineSeconds) {
		var request = new PlaceOrderRequest(List.of(new PlaceOrderRequest.Line(skuId, 1)), null,
				paymentDeadlineSeconds);
		return place(userId, "flash-" + ticketId, request, saleId);
	}

	private OrderView place(String userId, String idempotencyKey, PlaceOrderRequest request, String saleId) {
		String hash = IdempotentRequest.sha256(request.canonical() + (saleId == null ? "" : "sale=" + saleId));
		Order earlier = this.orders.findByIdempotencyKey(userId, idempotencyKey);
		if (earlier != null) {
			// the key outlived its idempotency record, or the first request's instance
			// died after placing the order
			if (!earlier.getRequestHash().equals(hash)) {
				throw BusinessException.unprocessable("IDEMPOTENCY_KEY_REUSED",
						"Idempotency-Key " + idempotencyKey + " was used for a different order");
			}
			return view(earlier);
		}
		// a shopper over a cap is refused before any Try; insertTrying checks again under
		// the shopper's lock
		this.caps.check(userId, request.items().stream().mapToLong(PlaceOrderRequest.Line::quantity).sum());
		String orderNo = Ids.next();
		CheckoutTransactions.Placement placed;
		boolean settledHere;
		try {
			placed = this.transactions.place(orderNo, userId, idempotencyKey, hash, request, saleId);
			settledHere = this.settlement.placeCommitted(placed.order(), placed.items());
		}
		catch (RuntimeException ex) {
			return settleAfterFailure(orderNo, ex);
		}
		if (!settledHere) {
			// the recovery scan got there first
			return view(this.orders.selectById(orderNo));
		}
		placed.order().setStatus(OrderStatus.AWAITING_PAYMENT);
		return OrderView.of(placed.order(), placed.items());
	}

	/**
	 * The place transaction or its settlement threw. No order row: a Try failed, and
	 * Seata rolled everything back. An order row: every Try succeeded and the outcome is
	 * Seata's commit, which may have gone through before the error; it is settled by what
	 * the TC says, or left TRYING for {@link UnsettledOrders}.
	 */
	private OrderView settleAfterFailure(String orderNo, RuntimeException ex) {
		Order order = this.orders.selectById(orderNo);
		if (order != null && order.getStatus() == OrderStatus.TRYING
				&& this.outcomes.settle(order) == Outcome.COMMITTED) {
			return view(this.orders.selectById(orderNo));
		}
		throw ex;
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
			PayAttempt attempt = new PayAttempt();
			String paymentNo;
			boolean settledHere;
			try {
				paymentNo = this.transactions.pay(order, idempotencyKey, attempt);
				settledHere = this.settlement.payCommitted(order, attempt.xid(), paymentNo);
			}
			catch (RuntimeException ex) {
				return settleAfterFailure(orderNo, attempt, ex);
			}
			return settledHere ? new PaymentView(orderNo, OrderStatus.PAID, paymentNo)
					// the recovery scan got there first
					: paymentView(this.orders.selectById(orderNo));
		});
	}

	/**
	 * The pay transaction or its settlement threw. If the order was moved to PAYING for
	 * it: without a payment number the body failed and Seata rolls back, so the order is
	 * payable again at once; with one, every Try succeeded and the outcome is Seata's
	 * commit, settled by what the TC says or left PAYING for {@link UnsettledOrders}.
	 */
	private PaymentView settleAfterFailure(String orderNo, PayAttempt attempt, RuntimeException ex) {
		if (!attempt.isOrderPaying()) {
			throw ex;
		}
		Order order = this.orders.selectById(orderNo);
		if (order.getStatus() == OrderStatus.PAYING && attempt.xid().equals(order.getPayXid())) {
			if (order.getPaymentNo() == null) {
				this.settlement.payRolledBack(orderNo, attempt.xid());
			}
			else if (this.outcomes.settle(order) == Outcome.COMMITTED) {
				return paymentView(this.orders.selectById(orderNo));
			}
		}
		throw ex;
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

	/**
	 * Cancels an order whose payment deadline passed, through the same global transaction
	 * as a shopper's cancel. Returns false when another instance or a payment holds the
	 * order now (it is looked at again on the next round) or it is no longer unpaid.
	 */
	public boolean expire(String orderNo, Duration lockWait) {
		try {
			return this.locks.withLock("order:" + orderNo, lockWait, () -> {
				Order order = this.orders.selectById(orderNo);
				if (order == null || order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
					return false;
				}
				this.transactions.cancel(order, "TIMEOUT");
				return true;
			});
		}
		catch (BusinessException busyOrRefused) {
			return false;
		}
	}

	/**
	 * An admin's release: re-runs the compensation of an order an admin found stuck as a
	 * new cancel global transaction, through the same guarded Tries as a shopper's
	 * cancel. Under the order lock the order must still be in {@code expected}; a
	 * CANCELLING order is first put back to AWAITING_PAYMENT (the caller checked that the
	 * TC no longer runs its cancel transaction). Any refusal of a participant rolls the
	 * whole cancel back and reaches the caller.
	 */
	public OrderView release(String orderNo, OrderStatus expected, String expectedCancelXid) {
		return this.locks.withLock("order:" + orderNo, () -> {
			Order order = this.orders.selectById(orderNo);
			if (order == null || order.getStatus() != expected
					|| !Objects.equals(order.getCancelXid(), expectedCancelXid)) {
				throw BusinessException.conflict("ORDER_CHANGED", "Order " + orderNo + " is no longer " + expected
						+ " (now " + ((order != null) ? order.getStatus() : "gone") + "); look it up again");
			}
			if (expected == OrderStatus.CANCELLING && this.orders.abortCancel(orderNo, null) == 0) {
				throw BusinessException.conflict("ORDER_CHANGED", "Order " + orderNo + " left CANCELLING meanwhile");
			}
			this.transactions.cancel(this.orders.selectById(orderNo), "ADMIN");
			return view(this.orders.selectById(orderNo));
		});
	}

	/** Any user's order, for admins. */
	public OrderView findForAdmin(String orderNo) {
		Order order = this.orders.selectById(orderNo);
		if (order == null) {
			throw BusinessException.notFound("ORDER_NOT_FOUND", "No order " + orderNo);
		}
		return view(order);
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

}
