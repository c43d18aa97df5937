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
public class StockSellTccAction implements StockSellAction {

	private final ReservationLedger ledger;

	StockSellTccAction(ReservationLedger ledger) {
		this.ledger = ledger;
	}

	/**
	 * Strict on purpose: rows already {@code SELLING} may belong to another payment of
	 * the same order, and reporting them as ours could let this payment commit on stock
	 * that the other one rolls back.
	 */
	@Override
	@TwoPhaseBusinessAction(name = NAME, commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
	public boolean prepare(BusinessActionContext ctx,
			@BusinessActionContextParameter(paramName = ReservationLedger.ORDER_NO) String orderNo) {
		StockItems.checkOrderNo(orderNo);
		return this.ledger.inTransaction(() -> {
			if (this.ledger.move(orderNo, ReservationStatus.HELD, ReservationStatus.SELLING) == 0) {
				throw ReservationLedger.illegalState(orderNo, "no held stock to sell");
			}
			return true;
		});
	}

	@Override
	public boolean confirm(BusinessActionContext ctx) {
		String orderNo = ReservationLedger.orderNo(ctx, NAME, "confirm");
		if (orderNo != null) {
			this.ledger.inTransaction(() -> this.ledger.settle(orderNo, ReservationStatus.SELLING,
					ReservationStatus.SOLD, this.ledger::sell));
		}
		return true;
	}

	@Override
	public boolean cancel(BusinessActionContext ctx) {
		String orderNo = ReservationLedger.orderNo(ctx, NAME, "cancel");
		if (orderNo != null) {
			this.ledger
				.inTransaction(() -> this.ledger.move(orderNo, ReservationStatus.SELLING, ReservationStatus.HELD));
		}
		return true;
	}

}
