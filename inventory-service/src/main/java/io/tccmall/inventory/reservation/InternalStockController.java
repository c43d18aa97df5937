package io.tccmall.inventory.reservation;

import java.util.Map;

import io.tccmall.common.web.BusinessException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.apache.seata.core.context.RootContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Try phases, called by order-service inside its global transaction (the XID comes in
 * the {@code TX_XID} header). The gateway has no route here.
 */
@RestController
@RequestMapping("/internal/stock/reservations")
class InternalStockController {

	private final StockReserveAction reserve;

	private final StockReleaseAction release;

	private final boolean requireTransaction;

	InternalStockController(StockReserveAction reserve, StockReleaseAction release,
			@Value("${seata.enabled:true}") boolean requireTransaction) {
		this.reserve = reserve;
		this.release = release;
		this.requireTransaction = requireTransaction;
	}

	@PostMapping
	ReservedStock reserve(@Valid @RequestBody ReserveStockRequest request) {
		requireGlobalTransaction();
		return this.reserve.prepare(null, request.orderNo(), request.items(), request.saleId());
	}

	@PostMapping("/{orderNo}/release")
	Map<String, Object> release(@PathVariable @Size(max = StockItems.MAX_ORDER_NO_LENGTH) String orderNo) {
		requireGlobalTransaction();
		this.release.prepare(null, orderNo);
		return Map.of();
	}

	/**
	 * Without an XID Seata runs the Try as a plain local call with no branch, and nothing
	 * would ever confirm or cancel it: the stock would stay frozen.
	 */
	private void requireGlobalTransaction() {
		if (this.requireTransaction && RootContext.getXID() == null) {
			throw BusinessException.badRequest("TRANSACTION_REQUIRED",
					"Call this inside a global transaction (" + RootContext.KEY_XID + " header)");
		}
	}

}
