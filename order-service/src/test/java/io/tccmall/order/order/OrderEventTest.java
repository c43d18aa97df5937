package io.tccmall.order.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The order state machine over every (status, event) pair. */
class OrderEventTest {

	private static final Map<OrderEvent, Map.Entry<OrderStatus, OrderStatus>> LEGAL = Map.of(OrderEvent.PLACE_CONFIRMED,
			Map.entry(OrderStatus.TRYING, OrderStatus.AWAITING_PAYMENT), OrderEvent.PLACE_CANCELLED,
			Map.entry(OrderStatus.TRYING, OrderStatus.CANCELLED), OrderEvent.PAY_STARTED,
			Map.entry(OrderStatus.AWAITING_PAYMENT, OrderStatus.PAYING), OrderEvent.PAY_CONFIRMED,
			Map.entry(OrderStatus.PAYING, OrderStatus.PAID), OrderEvent.PAY_CANCELLED,
			Map.entry(OrderStatus.PAYING, OrderStatus.AWAITING_PAYMENT), OrderEvent.CANCEL_STARTED,
			Map.entry(OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCELLING), OrderEvent.CANCEL_CONFIRMED,
			Map.entry(OrderStatus.CANCELLING, OrderStatus.CANCELLED), OrderEvent.CANCEL_ABORTED,
			Map.entry(OrderStatus.CANCELLING, OrderStatus.AWAITING_PAYMENT));

	@Test
	void shouldAllowExactlyTheListedTransitionsAndNothingElse() {
		assertThat(LEGAL.keySet()).isEqualTo(EnumSet.allOf(OrderEvent.class));
		for (OrderStatus status : OrderStatus.values()) {
			for (OrderEvent event : OrderEvent.values()) {
				var legal = LEGAL.get(event);
				if (legal.getKey() == status) {
					assertThat(event.next(status)).as("%s on %s", event, status).contains(legal.getValue());
				}
				else {
					assertThat(event.next(status)).as("%s on %s", event, status).isEmpty();
				}
			}
		}
	}

	@Test
	void shouldNeverLeaveAFinalState() {
		for (OrderStatus status : Set.of(OrderStatus.PAID, OrderStatus.CANCELLED)) {
			assertThat(status.isFinal()).isTrue();
			for (OrderEvent event : OrderEvent.values()) {
				assertThat(event.next(status)).as("%s on %s", event, status).isEmpty();
			}
		}
	}

	@Test
	void shouldLetOnlyOneOfPayAndCancelLeaveAwaitingPayment() {
		assertThat(OrderEvent.PAY_STARTED.next(OrderStatus.AWAITING_PAYMENT)).contains(OrderStatus.PAYING);
		assertThat(OrderEvent.CANCEL_STARTED.next(OrderStatus.PAYING)).isEmpty();
		assertThat(OrderEvent.PAY_STARTED.next(OrderStatus.CANCELLING)).isEmpty();
	}

}
