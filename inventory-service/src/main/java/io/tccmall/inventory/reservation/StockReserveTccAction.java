package io.tccmall.inventory.reservation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tccmall.common.web.BusinessException;
import io.tccmall.inventory.flashsale.FlashSale;
import io.tccmall.inventory.flashsale.FlashSaleMapper;
import io.tccmall.inventory.product.Product;
import io.tccmall.inventory.product.ProductMapper;
import io.tccmall.inventory.product.ProductNotFound;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public class StockReserveTccAction implements StockReserveAction {

	private static final Logger log = LoggerFactory.getLogger(StockReserveTccAction.class);

	private final StockReservationMapper reservations;

	private final ProductMapper products;

	private final ReservationLedger ledger;

	private final FlashSaleMapper sales;

	StockReserveTccAction(StockReservationMapper reservations, ProductMapper products, ReservationLedger ledger,
			FlashSaleMapper sales) {
		this.reservations = reservations;
		this.products = products;
		this.ledger = ledger;
		this.sales = sales;
	}

	@Override
	@TwoPhaseBusinessAction(name = NAME, commitMethod = "confirm", rollbackMethod = "cancel", useTCCFence = true)
	public ReservedStock prepare(BusinessActionContext ctx,
			@BusinessActionContextParameter(paramName = ReservationLedger.ORDER_NO) String orderNo,
			List<StockItem> items, String saleId) {
		List<StockItem> sorted = StockItems.sortedAndChecked(orderNo, items);
		ReservedStock reserved = (saleId != null)
				? this.ledger.inTransaction(() -> reserveFromSale(orderNo, sorted, saleId))
				: this.ledger.inTransaction(() -> reserve(orderNo, sorted));
		log.info("stock-reserve try: order {} holds {}{}", orderNo, sorted,
				(saleId != null) ? " of flash sale " + saleId : "");
		return reserved;
	}

	/**
	 * A flash-sale order: its one item comes out of the sale's remaining units (guarded),
	 * at the sale's price. Redis admitted the buyer; this is the database's final word.
	 */
	private ReservedStock reserveFromSale(String orderNo, List<StockItem> items, String saleId) {
		FlashSale sale = this.sales.find(saleId);
		if (sale == null) {
			throw BusinessException.notFound("FLASH_SALE_NOT_FOUND", "No flash sale " + saleId);
		}
		StockItem item = items.get(0);
		if (items.size() != 1 || !item.skuId().equals(sale.skuId())) {
			throw BusinessException.badRequest("VALIDATION_FAILED",
					"A flash-sale order holds the sale's sku " + sale.skuId() + " only");
		}
		if (this.reservations.insertTrying(orderNo, item.skuId(), item.quantity(), saleId) == 1) {
			if (this.sales.take(saleId, item.skuId(), item.quantity()) == 0
					|| this.products.freezeFromSale(item.skuId(), item.quantity()) == 0) {
				throw BusinessException.conflict("SOLD_OUT", "Flash sale " + saleId + " has no units left");
			}
		}
		else {
			checkRepeatedTry(orderNo, item);
		}
		Product product = this.products.selectById(item.skuId());
		return new ReservedStock(orderNo,
				List.of(new ReservedItem(item.skuId(), item.quantity(), sale.priceCents(), product.getName())));
	}

	/** A refusal throws, which rolls back every sku reserved before it. */
	private ReservedStock reserve(String orderNo, List<StockItem> sorted) {
		for (StockItem item : sorted) {
			if (this.reservations.insertTrying(orderNo, item.skuId(), item.quantity(), null) == 1) {
				if (this.products.freeze(item.skuId(), item.quantity()) == 0) {
					throw refusal(item);
				}
			}
			else {
				checkRepeatedTry(orderNo, item);
			}
		}
		Map<String, Product> bySku = this.products.findBySkuIds(sorted.stream().map(StockItem::skuId).toList())
			.stream()
			.collect(Collectors.toMap(Product::getSkuId, Function.identity()));
		List<ReservedItem> reserved = sorted.stream().map(item -> {
			Product product = bySku.get(item.skuId());
			return new ReservedItem(item.skuId(), item.quantity(), product.getPriceCents(), product.getName());
		}).toList();
		return new ReservedStock(orderNo, reserved);
	}

	private BusinessException refusal(StockItem item) {
		if (!this.products.exists(item.skuId())) {
			return ProductNotFound.of(item.skuId());
		}
		return BusinessException.conflict("OUT_OF_STOCK", "Not enough stock of " + item.skuId() + " for "
				+ item.quantity() + " unit" + (item.quantity() == 1 ? "" : "s"));
	}

	/**
	 * The (order, sku) row exists: the same Try ran before (a retried request), and its
	 * stock is already frozen. Anything else under this order number is refused rather
	 * than reported as reserved.
	 */
	private void checkRepeatedTry(String orderNo, StockItem item) {
		StockReservation existing = this.reservations.find(orderNo, item.skuId());
		boolean stillReserved = existing != null
				&& (existing.getStatus() == ReservationStatus.TRYING || existing.getStatus() == ReservationStatus.HELD);
		if (!stillReserved || !existing.getQuantity().equals(item.quantity())) {
			throw ReservationLedger.illegalState(orderNo, "already has a different reservation of " + item.skuId());
		}
	}

	@Override
	public boolean confirm(BusinessActionContext ctx) {
		String orderNo = ReservationLedger.orderNo(ctx, NAME, "confirm");
		if (orderNo != null) {
			this.ledger
				.inTransaction(() -> this.ledger.move(orderNo, ReservationStatus.TRYING, ReservationStatus.HELD));
		}
		return true;
	}

	@Override
	public boolean cancel(BusinessActionContext ctx) {
		String orderNo = ReservationLedger.orderNo(ctx, NAME, "cancel");
		if (orderNo != null) {
			this.ledger.inTransaction(() -> this.ledger.settle(orderNo, ReservationStatus.TRYING,
					ReservationStatus.CANCELLED, this.ledger::unfreeze));
		}
		return true;
	}

}
