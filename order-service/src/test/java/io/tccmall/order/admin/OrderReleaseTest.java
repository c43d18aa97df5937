package io.tccmall.order.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.tccmall.common.web.BusinessException;
import io.tccmall.order.checkout.CheckoutService;
import io.tccmall.order.checkout.OrderView;
import io.tccmall.order.order.Order;
import io.tccmall.order.order.OrderMapper;
import io.tccmall.order.order.OrderStatus;
import io.tccmall.order.reconciliation.TcConsole;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which orders a release touches: only an abandoned cancel or an unpaid order past its
 * deadline; everything else is refused before anything changes, and audited either way.
 */
class OrderReleaseTest {

	private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	private final CheckoutService checkout = mock(CheckoutService.class);

	private final OrderMapper orders = mock(OrderMapper.class);

	private final TcConsole tc = mock(TcConsole.class);

	private final AdminAudit audit = mock(AdminAudit.class);

	private final OrderRelease release = new OrderRelease(this.checkout, this.orders, this.tc, this.audit,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void shouldRefusePaidCancelledTryingAndPayingOrdersWithoutTouchingThem() {
		for (OrderStatus status : List.of(OrderStatus.PAID, OrderStatus.CANCELLED, OrderStatus.TRYING,
				OrderStatus.PAYING)) {
			given(order(status, 60, null));

			assertThatThrownBy(() -> this.release.release("root", "O1", "why"))
				.isInstanceOfSatisfying(BusinessException.class, ex -> assertThat(ex.status().value()).isEqualTo(409));
		}
		verify(this.checkout, never()).release(anyString(), any(), any());
		assertThat(outcomes()).containsExactly("REFUSED", "REFUSED", "REFUSED", "REFUSED");
	}

	@Test
	void shouldRefuseAnUnpaidOrderBeforeItsDeadlineAndReleaseItAfter() {
		given(order(OrderStatus.AWAITING_PAYMENT, 60, null));
		assertThatThrownBy(() -> this.release.release("root", "O1", "why")).hasMessageContaining("waiting for its");

		given(order(OrderStatus.AWAITING_PAYMENT, -60, null));
		when(this.checkout.release("O1", OrderStatus.AWAITING_PAYMENT, null)).thenReturn(view(OrderStatus.CANCELLED));
		assertThat(this.release.release("root", "O1", "why").statusAfter()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(outcomes()).containsExactly("REFUSED", "RELEASED");
	}

	@Test
	void shouldReleaseACancellingOrderOnlyOnceTheTcStoppedRollingItsCancelBack() {
		given(order(OrderStatus.CANCELLING, 60, "xid-1"));
		when(this.tc.openSessions()).thenReturn(List.of(session("xid-1", 5)));
		assertThatThrownBy(() -> this.release.release("root", "O1", "why")).hasMessageContaining("RollbackRetrying");
		verify(this.checkout, never()).release(anyString(), any(), any());

		when(this.tc.openSessions()).thenReturn(List.of(session("xid-1", 12)));
		when(this.checkout.release("O1", OrderStatus.CANCELLING, "xid-1")).thenReturn(view(OrderStatus.CANCELLED));
		assertThat(this.release.release("root", "O1", "why").statusAfter()).isEqualTo(OrderStatus.CANCELLED);

		when(this.tc.openSessions()).thenReturn(List.of());
		assertThat(this.release.release("root", "O1", "why").statusAfter()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(outcomes()).containsExactly("REFUSED", "RELEASED", "RELEASED");
	}

	@Test
	void shouldAnswer503WhenTheTcCannotTellWhetherTheCancelStillRuns() {
		given(order(OrderStatus.CANCELLING, 60, "xid-1"));
		when(this.tc.openSessions()).thenThrow(new TcConsole.Unavailable("down"));

		assertThatThrownBy(() -> this.release.release("root", "O1", "why"))
			.isInstanceOfSatisfying(BusinessException.class, ex -> assertThat(ex.status().value()).isEqualTo(503));
		verify(this.checkout, never()).release(anyString(), any(), any());
		assertThat(outcomes()).containsExactly("FAILED");
	}

	private void given(Order order) {
		when(this.orders.selectById("O1")).thenReturn(order);
	}

	private List<String> outcomes() {
		ArgumentCaptor<AdminAudit.Entry> entries = ArgumentCaptor.forClass(AdminAudit.Entry.class);
		verify(this.audit, org.mockito.Mockito.atLeast(0)).record(entries.capture());
		return entries.getAllValues().stream().map(AdminAudit.Entry::outcome).toList();
	}

	private static Order order(OrderStatus status, long secondsToDeadline, String cancelXid) {
		Order order = new Order();
		order.setOrderNo("O1");
		order.setUserId("u1");
		order.setStatus(status);
		order.setCancelXid(cancelXid);
		order.setExpireAt(LocalDateTime.ofInstant(NOW.plusSeconds(secondsToDeadline), ZoneOffset.UTC));
		return order;
	}

	private static OrderView view(OrderStatus status) {
		return new OrderView("O1", status, 0, 0, 0, null, null, null, null, null, List.of());
	}

	private static TcConsole.GlobalSession session(String xid, int status) {
		String name = (status == 5) ? "RollbackRetrying" : "RollbackFailed";
		return new TcConsole.GlobalSession(xid, status, name, "order-service", "cancel-order", 0);
	}

}
