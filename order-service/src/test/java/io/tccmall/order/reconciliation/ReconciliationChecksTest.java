package io.tccmall.order.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tccmall.common.reconciliation.CheckResult;
import io.tccmall.common.reconciliation.Holding;
import io.tccmall.order.order.OrderStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cross-service checks over hand-made snapshots: a consistent one passes, each kind
 * of disagreement is one precise violation, and disagreements about rows changed within
 * {@code stuckAfter} are in flight, not violations.
 */
class ReconciliationChecksTest {

	static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	static final Instant OLD = NOW.minus(Duration.ofMinutes(10));

	static final Instant RECENT = NOW.minusSeconds(5);

	final Map<String, OrderFacts> orders = new LinkedHashMap<>();

	final List<Holding> reservations = new ArrayList<>();

	final List<Holding> payments = new ArrayList<>();

	final List<Holding> coupons = new ArrayList<>();

	@Test
	void shouldPassConsistentOrders() {
		awaitingPaymentWithCoupon();
		paidWithCoupon();
		cancelled();

		assertThat(runAll()).allSatisfy(result -> assertThat(result.ok()).as("%s", result).isTrue());
	}

	@Test
	void shouldReportFrozenStockWithoutAnOrderNamingTheSkuAndTheOrder() {
		this.reservations.add(new Holding("O-GHOST", "SKU-1", "HELD", 2, OLD));

		CheckResult stock = new OrderStockCheck().check(snapshot());

		assertThat(stock.ok()).isFalse();
		assertThat(stock.violations()).containsExactly(
				"frozen stock of sku SKU-1: reservation of 2 for order O-GHOST is HELD without an order (order O-GHOST does not exist)");
	}

	@Test
	void shouldCountAFreshReservationWithoutItsOrderAsInFlight() {
		// the stock Try runs before the order's own Try inserts the order
		this.reservations.add(new Holding("O-NEW", "SKU-1", "TRYING", 2, RECENT));

		CheckResult stock = new OrderStockCheck().check(snapshot());

		assertThat(stock.ok()).isTrue();
		assertThat(stock.details()).containsEntry("inFlight", 1);
	}

	@Test
	void shouldReportStockStillFrozenForACancelledOrder() {
		cancelled();
		this.reservations.add(new Holding("O-C", "SKU-1", "HELD", 1, OLD));

		assertThat(new OrderStockCheck().check(snapshot()).violations()).containsExactly(
				"frozen stock of sku SKU-1: reservation of 1 for order O-C is HELD but order O-C is CANCELLED");
	}

	@Test
	void shouldReportAPaidOrderWhoseStockIsNotSold() {
		paidWithCoupon();
		this.reservations.removeIf(r -> r.ref().equals("SKU-2"));

		assertThat(new OrderStockCheck().check(snapshot()).violations())
			.containsExactly("order O-P is PAID but its SOLD reservations are {SKU-1=1}, its items {SKU-1=1, SKU-2=3}");
	}

	@Test
	void shouldReportAPaidOrderWithTwoSuccessfulPaymentsOrNone() {
		paidWithCoupon();
		this.payments.add(new Holding("O-P", "PAY-2", "SUCCEEDED", 900, OLD));
		this.orders.put("O-X", order("O-X", OrderStatus.PAID, null, "PAY-X", 100, Map.of()));

		assertThat(new OrderPaymentCheck().check(snapshot()).violations()).containsExactly(
				"payment PAY-2 of 900 cents for order O-P is SUCCEEDED but the order's payable amount is 700",
				"order O-P is PAID with payment PAY-1 but its successful payments are [PAY-1, PAY-2]",
				"order O-X is PAID with payment PAY-X but its successful payments are []");
	}

	@Test
	void shouldReportMoneyTakenForAnOrderThatIsNotPaid() {
		cancelled();
		this.payments.add(new Holding("O-C", "PAY-C", "SUCCEEDED", 300, OLD));

		assertThat(new OrderPaymentCheck().check(snapshot()).violations())
			.containsExactly("payment PAY-C of 300 cents for order O-C is SUCCEEDED but order O-C is CANCELLED");
	}

	@Test
	void shouldReportACouponLockedForAnotherOrderOrStillLockedAfterPayment() {
		paidWithCoupon();
		this.coupons.replaceAll(c -> new Holding("O-P", "C-P", "LOCKED", 1, OLD));

		assertThat(new OrderCouponCheck().check(snapshot()).violations()).containsExactly(
				"coupon C-P is LOCKED for order O-P but order O-P is PAID",
				"order O-P is PAID but its coupon C-P is not USED for it");
	}

	@Test
	void shouldReportOrdersStuckInAnIntermediateStateAndCountYoungOnesInFlight() {
		this.orders.put("O-S", order("O-S", OrderStatus.PAYING, null, null, 100, Map.of()));
		OrderFacts young = new OrderFacts("O-Y", OrderStatus.CANCELLING, null, null, 100, NOW.plusSeconds(900), RECENT,
				"xid-y", Map.of());
		this.orders.put("O-Y", young);

		CheckResult stuck = new StuckOrdersCheck().check(snapshot());

		assertThat(stuck.violations())
			.containsExactly("order O-S stuck in PAYING for PT10M (since 2025-06-01T11:50:00Z; place xid xid-O-S)");
		assertThat(stuck.details()).containsEntry("inFlight", 1);
	}

	@Test
	void shouldReportUnpaidOrdersLongPastTheirDeadlineAndCountJustExpiredOnesInFlight() {
		this.orders.put("O-E",
				new OrderFacts("O-E", OrderStatus.AWAITING_PAYMENT, null, null, 100, OLD, OLD, "xid-e", Map.of()));
		this.orders.put("O-J",
				new OrderFacts("O-J", OrderStatus.AWAITING_PAYMENT, null, null, 100, RECENT, OLD, "xid-j", Map.of()));

		CheckResult stuck = new StuckOrdersCheck().check(snapshot());

		assertThat(stuck.violations())
			.containsExactly("order O-E awaiting payment PT10M past its deadline (2025-06-01T11:50:00Z)");
		assertThat(stuck.details()).containsEntry("inFlight", 1);
	}

	private void awaitingPaymentWithCoupon() {
		this.orders.put("O-A", order("O-A", OrderStatus.AWAITING_PAYMENT, "C-A", null, 500, Map.of("SKU-1", 2L)));
		this.reservations.add(new Holding("O-A", "SKU-1", "HELD", 2, OLD));
		this.coupons.add(new Holding("O-A", "C-A", "LOCKED", 1, OLD));
	}

	private void paidWithCoupon() {
		this.orders.put("O-P", order("O-P", OrderStatus.PAID, "C-P", "PAY-1", 700, Map.of("SKU-1", 1L, "SKU-2", 3L)));
		this.reservations.add(new Holding("O-P", "SKU-1", "SOLD", 1, OLD));
		this.reservations.add(new Holding("O-P", "SKU-2", "SOLD", 3, OLD));
		this.payments.add(new Holding("O-P", "PAY-1", "SUCCEEDED", 700, OLD));
		this.coupons.add(new Holding("O-P", "C-P", "USED", 1, OLD));
	}

	private void cancelled() {
		this.orders.put("O-C", order("O-C", OrderStatus.CANCELLED, "C-C", null, 300, Map.of("SKU-1", 1L)));
		this.reservations.add(new Holding("O-C", "SKU-1", "RELEASED", 1, OLD));
	}

	private static OrderFacts order(String orderNo, OrderStatus status, String couponId, String paymentNo, long payable,
			Map<String, Long> items) {
		return new OrderFacts(orderNo, status, couponId, paymentNo, payable, NOW.plusSeconds(900), OLD,
				"xid-" + orderNo, items);
	}

	private Snapshot snapshot() {
		return new Snapshot(NOW, NOW.minus(Duration.ofHours(24)), Duration.ofSeconds(60), this.orders,
				this.reservations, this.payments, this.coupons);
	}

	private List<CheckResult> runAll() {
		Snapshot snapshot = snapshot();
		return List.of(new StuckOrdersCheck().check(snapshot), new OrderStockCheck().check(snapshot),
				new OrderPaymentCheck().check(snapshot), new OrderCouponCheck().check(snapshot));
	}

}
