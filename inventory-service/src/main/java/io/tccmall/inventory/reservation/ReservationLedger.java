package io.tccmall.inventory.reservation;

import java.util.function.Supplier;

import io.tccmall.common.web.BusinessException;
import io.tccmall.inventory.flashsale.FlashSaleMapper;
import io.tccmall.inventory.product.ProductMapper;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the three actions share: local transactions, reading the order number back from
 * the action context, and the phase-two step "move the order's rows from one state to the
 * next and apply each row's stock change exactly once".
 *
 * <p>
 * Transactions are programmatic rather than {@code @Transactional} on the action beans so
 * that they do not depend on how Seata's TCC proxy and Spring's transaction proxy stack:
 * with the TCC fence on, Seata opens the transaction (fence row + business SQL) and ours
 * joins it; without Seata (module tests) ours is the transaction.
 */
@Component
class ReservationLedger {

	private static final Logger log = LoggerFactory.getLogger(ReservationLedger.class);

	static final String ORDER_NO = "orderNo";

	private final StockReservationMapper reservations;

	private final ProductMapper products;

	private final FlashSaleMapper sales;

	private final TransactionTemplate transaction;

	ReservationLedger(StockReservationMapper reservations, ProductMapper products, FlashSaleMapper sales,
			TransactionTemplate transaction) {
		this.reservations = reservations;
		this.products = products;
		this.sales = sales;
		this.transaction = transaction;
	}

	/**
	 * Runs the work in a transaction. InnoDB may pick it as a deadlock victim (racing
	 * inserts of the same reservation rows) and roll it back whole: when this call owns
	 * the transaction it runs the work again, up to three times. Inside an outer
	 * transaction (Seata's fence) the failure goes up, since the outer work is gone too.
	 */
	<T> T inTransaction(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.transaction.execute(status -> work.get());
		}
		for (int attempt = 1;; attempt++) {
			try {
				return this.transaction.execute(status -> work.get());
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == 3) {
					throw ex;
				}
				log.info("reservation transaction lost a deadlock, running it again (attempt {})", attempt + 1);
			}
		}
	}

	/** The order number of the branch; null only if the context lost it. */
	static String orderNo(BusinessActionContext ctx, String action, String phase) {
		String orderNo = (ctx != null) ? ctx.getActionContext(ORDER_NO, String.class) : null;
		if (orderNo == null) {
			// nothing can be found without the business key; failing would be retried
			// forever
			log.error("{} {}: no orderNo in action context {}, nothing to do", action, phase, ctx);
		}
		return orderNo;
	}

	/**
	 * Moves every row of the order that is in {@code from} to {@code to}; the stock
	 * change of a row is applied only when this call moved it, so running twice changes
	 * stock once. Rows go in sku order, the order every transaction locks product rows
	 * in.
	 */
	int settle(String orderNo, ReservationStatus from, ReservationStatus to, StockChange change) {
		int moved = 0;
		for (StockReservation row : this.reservations.findByOrderAndStatus(orderNo, from)) {
			if (settle(row, to, change)) {
				moved++;
			}
		}
		if (moved > 0) {
			log.info("order {}: {} reservation(s) {} -> {}", orderNo, moved, from, to);
		}
		return moved;
	}

	/**
	 * Moves one row from the status it was read in to {@code to} and applies its stock
	 * change; false when the row is no longer in that status.
	 */
	boolean settle(StockReservation row, ReservationStatus to, StockChange change) {
		if (this.reservations.transition(row.getId(), row.getStatus(), to) != 1) {
			return false;
		}
		if (change.apply(row) != 1) {
			// unreachable while the CHECKs hold; rolled back so nothing half-applies
			throw new IllegalStateException("stock of " + row.getSkuId() + " does not cover reservation " + row.getId()
					+ " of order " + row.getOrderNo() + " (" + row.getStatus() + " -> " + to + ")");
		}
		return true;
	}

	/** Moves the order's rows without a stock change. */
	int move(String orderNo, ReservationStatus from, ReservationStatus to) {
		int moved = this.reservations.transitionOrder(orderNo, from, to);
		if (moved > 0) {
			log.info("order {}: {} reservation(s) {} -> {}", orderNo, moved, from, to);
		}
		return moved;
	}

	static BusinessException illegalState(String orderNo, String detail) {
		return BusinessException.conflict("ILLEGAL_RESERVATION_STATE", "Order " + orderNo + ": " + detail);
	}

	/**
	 * Gives a reservation's stock back where it came from: the normal stock, or its flash
	 * sale.
	 */
	int unfreeze(StockReservation row) {
		if (row.getSaleId() == null) {
			return this.products.unfreeze(row.getSkuId(), row.getQuantity());
		}
		if (this.sales.giveBack(row.getSaleId(), row.getQuantity()) != 1) {
			return 0;
		}
		return this.products.unfreezeToSale(row.getSkuId(), row.getQuantity());
	}

	int sell(StockReservation row) {
		return this.products.sell(row.getSkuId(), row.getQuantity());
	}

	@FunctionalInterface
	interface StockChange {

		/** A guarded stock update for the reservation; returns the rows it changed. */
		int apply(StockReservation row);

	}

}
