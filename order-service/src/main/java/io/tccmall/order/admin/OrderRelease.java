package io.tccmall.order.admin;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;

import io.tccmall.common.web.BusinessException;
import io.tccmall.order.checkout.CheckoutService;
import io.tccmall.order.checkout.OrderView;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderMapper;
import io.tccmall.order.order.OrderStatus;
import io.tccmall.order.reconciliation.TcConsole;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An admin's release of a stuck order: the order's compensation re-run as a new cancel
 * global transaction through the shopper's guarded cancel path, or a 409 saying why not.
 * Only two cases are released:
 * <ul>
 * <li>CANCELLING, when the TC no longer runs its cancel transaction or gave up rolling it
 * back: the order goes back to AWAITING_PAYMENT and is cancelled anew. The participants'
 * release Tries and the fence make a second release of the same holds a no-op.</li>
 * <li>AWAITING_PAYMENT past its payment deadline (the timeout job keeps failing on
 * it).</li>
 * </ul>
 * PAID and CANCELLED orders are final; TRYING and PAYING orders are settled by the
 * outcome of their place or pay transaction (which may have taken money or reserved
 * stock), by their TM or the recovery scan (ADR 0012), see docs/operations.md. Every
 * attempt is audited, refused or not.
 */
@Component
class OrderRelease {

	/** TC statuses in which the TC no longer rolls the transaction back. */
	private static final Set<Integer> ROLLBACK_ENDED = Set.of(11, 12, 13, 14, 15, 17);

	private final CheckoutService checkout;

	private final OrderMapper orders;

	private final TcConsole tc;

	private final AdminAudit audit;

	private final Clock clock;

	OrderRelease(CheckoutService checkout, OrderMapper orders, TcConsole tc, AdminAudit audit, Clock clock) {
		this.checkout = checkout;
		this.orders = orders;
		this.tc = tc;
		this.audit = audit;
		this.clock = clock;
	}

	Released release(String admin, String orderNo, String reason) {
		Order order = this.orders.selectById(orderNo);
		if (order == null) {
			throw BusinessException.notFound("ORDER_NOT_FOUND", "No order " + orderNo);
		}
		OrderStatus before = order.getStatus();
		try {
			checkReleasable(order);
			OrderView after = this.checkout.release(orderNo, before, order.getCancelXid());
			this.audit.record(new AdminAudit.Entry(admin, null, orderNo, "RELEASE", reason, before.name(),
					after.status().name(), "RELEASED", null));
			return new Released(orderNo, before, after.status(), after);
		}
		catch (RuntimeException ex) {
			Order now = this.orders.selectById(orderNo);
			String outcome = (ex instanceof BusinessException refusal && refusal.status().is4xxClientError())
					? "REFUSED" : "FAILED";
			this.audit.record(new AdminAudit.Entry(admin, null, orderNo, "RELEASE", reason, before.name(),
					now.getStatus().name(), outcome, ex.getMessage()));
			throw ex;
		}
	}

	private void checkReleasable(Order order) {
		String orderNo = order.getOrderNo();
		switch (order.getStatus()) {
			case PAID -> throw refused("ORDER_PAID",
					"Order " + orderNo + " is PAID: a release never takes back a sale (no refund path here)");
			case CANCELLED -> throw refused("ORDER_ALREADY_CANCELLED",
					"Order " + orderNo + " is CANCELLED: its holds are already released");
			case TRYING, PAYING -> throw refused("DECIDED_BY_TC", "Order " + orderNo + " is " + order.getStatus()
					+ ": its " + (order.getStatus() == OrderStatus.TRYING ? "place" : "pay")
					+ " transaction decides it: the recovery scan settles it by the TC's or, once the TC forgot it,"
					+ " the participants' outcome; see docs/operations.md");
			case AWAITING_PAYMENT -> {
				if (order.getExpireAt().isAfter(LocalDateTime.now(this.clock))) {
					throw refused("NOT_STUCK", "Order " + orderNo + " is waiting for its payment until "
							+ order.getExpireAt() + " (UTC); the shopper may still pay or cancel");
				}
			}
			case CANCELLING -> checkCancelEnded(order);
			default -> throw new IllegalStateException(order.getStatus().name());
		}
	}

	private void checkCancelEnded(Order order) {
		if (order.getCancelXid() == null) {
			return;
		}
		TcConsole.GlobalSession session;
		try {
			session = this.tc.openSessions()
				.stream()
				.filter(s -> s.xid().equals(order.getCancelXid()))
				.findFirst()
				.orElse(null);
		}
		catch (TcConsole.Unavailable ex) {
			throw new BusinessException(HttpStatus.SERVICE_UNAVAILABLE, "TC_UNAVAILABLE",
					"Cannot tell whether the TC still runs the cancel transaction " + order.getCancelXid() + ": "
							+ ex.getMessage());
		}
		if (session != null && !ROLLBACK_ENDED.contains(session.status())) {
			throw refused("TC_STILL_RUNNING",
					"The TC still runs the cancel transaction " + session.xid() + " of order " + order.getOrderNo()
							+ " (" + session.statusName() + "): fix what makes its branch fail and let the TC retry,"
							+ " or release once it gave up");
		}
	}

	private static BusinessException refused(String code, String detail) {
		return BusinessException.conflict(code, detail);
	}

	record Released(String orderNo, OrderStatus statusBefore, OrderStatus statusAfter, OrderView order) {
	}

}
