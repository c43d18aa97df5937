package io.tccmall.inventory.reservation;

import io.tccmall.inventory.product.ProductMapper;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

import org.springframework.stereotype.Component;

/**
 * The Seata annotations sit here, on the implementation, and not on the interface: Seata
 * 2.5 proxies the class and reads {@code @BusinessActionContextParameter} from the
 * invoked class method, so annotations on the interface leave {@code orderNo} out of the
 * action context (measured against a real TC; see Seata #6235). The class is public
 * because Seata invokes Confirm/Cancel reflectively through it.
 */
@Component
@LocalTCC
public class StockReleaseTccAction implements StockReleaseAction {

	private final StockReservationMapper reservations;

	private final ReservationLedger ledger;

	StockReleaseTccAction(StockReservationMapper reservations, ReservationLedger ledger) {
		this.reservations = reservations;
		this.ledger = ledger;
	}

	@Override
	@TwoPhaseBusinessAction(name = NAME, commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
	public boolean prepare(BusinessActionContext ctx,
			@BusinessActionContextParameter(paramName = ReservationLedger.ORDER_NO) String orderNo) {
		StockItems.checkOrderNo(orderNo);
		return this.ledger.inTransaction(() -> {
			if (this.ledger.move(orderNo, ReservationStatus.HELD, ReservationStatus.RELEASING) > 0) {
				return true;
			}
			// Nothing held. Released or cancelled already (or never reserved): a no-op.
			// Any other
			// row is in flight or sold, and answering "released" would lose it.
			boolean settled = this.reservations.findByOrder(orderNo)
				.stream()
				.allMatch(row -> row.getStatus().isFinishedWithoutSale());
			if (!settled) {
				throw ReservationLedger.illegalState(orderNo, "stock is not held (in flight or sold)");
			}
			return true;
		});
	}

	@Override
	public boolean confirm(BusinessActionContext ctx) {
		String orderNo = ReservationLedger.orderNo(ctx, NAME, "confirm");
		if (orderNo != null) {
			this.ledger.inTransaction(() -> this.ledger.settle(orderNo, ReservationStatus.RELEASING,
					ReservationStatus.RELEASED, this.ledger::unfreeze));
		}
		return true;
	}

	@Override
	public boolean cancel(BusinessActionContext ctx) {
		String orderNo = ReservationLedger.orderNo(ctx, NAME, "cancel");
		if (orderNo != null) {
			this.ledger
				.inTransaction(() -> this.ledger.move(orderNo, ReservationStatus.RELEASING, ReservationStatus.HELD));
		}
		return true;
	}

}
