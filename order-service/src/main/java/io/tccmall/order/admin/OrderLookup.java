package io.tccmall.order.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tccmall.order.checkout.CheckoutService;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderMapper;
import io.tccmall.common.reconciliation.ParticipantOrderState;
import io.tccmall.order.participant.Participants;
import io.tccmall.order.reconciliation.TcConsole;

import org.springframework.stereotype.Component;

/**
 * Reads one order everywhere it lives. A TC or participant that cannot be asked is
 * reported in the answer, not as a failure: the lookup is what an admin uses when
 * something is down.
 */
@Component
class OrderLookup {

	private final CheckoutService checkout;

	private final OrderMapper orders;

	private final TcConsole tc;

	private final Participants participants;

	private final AdminAudit audit;

	OrderLookup(CheckoutService checkout, OrderMapper orders, TcConsole tc, Participants participants,
			AdminAudit audit) {
		this.checkout = checkout;
		this.orders = orders;
		this.tc = tc;
		this.participants = participants;
		this.audit = audit;
	}

	OrderInspection inspect(String orderNo) {
		var view = this.checkout.findForAdmin(orderNo);
		Order order = this.orders.selectById(orderNo);
		List<String> xids = Stream.of(order.getPlaceXid(), order.getPayXid(), order.getCancelXid())
			.filter(Objects::nonNull)
			.toList();
		String tcError = null;
		Map<String, TcConsole.GlobalSession> sessions = Map.of();
		try {
			sessions = this.tc.openSessions()
				.stream()
				.filter(s -> xids.contains(s.xid()))
				.collect(Collectors.toMap(TcConsole.GlobalSession::xid, Function.identity(), (a, b) -> a));
		}
		catch (RuntimeException ex) {
			tcError = ex.getMessage();
		}
		List<OrderInspection.Transaction> transactions = new ArrayList<>();
		add(transactions, "place", order.getPlaceXid(), sessions);
		add(transactions, "pay", order.getPayXid(), sessions);
		add(transactions, "cancel", order.getCancelXid(), sessions);

		List<ParticipantOrderState> states = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		ask("inventory", () -> this.participants.inventoryState(orderNo, xids), states, errors);
		ask("payment", () -> this.participants.paymentState(orderNo, xids), states, errors);
		ask("coupon", () -> this.participants.couponState(orderNo, xids, order.getCouponId()), states, errors);
		return new OrderInspection(view, transactions, tcError, states, errors, this.audit.forOrder(orderNo));
	}

	private static void add(List<OrderInspection.Transaction> transactions, String kind, String xid,
			Map<String, TcConsole.GlobalSession> sessions) {
		if (xid == null) {
			return;
		}
		TcConsole.GlobalSession session = sessions.get(xid);
		transactions
			.add((session != null) ? new OrderInspection.Transaction(kind, xid, session.status(), session.statusName(),
					session.beginTime()) : new OrderInspection.Transaction(kind, xid, null, null, null));
	}

	private static void ask(String participant, Supplier<ParticipantOrderState> call,
			List<ParticipantOrderState> states, List<String> errors) {
		try {
			states.add(call.get());
		}
		catch (RuntimeException ex) {
			errors.add(participant + ": " + ex.getMessage());
		}
	}

}
