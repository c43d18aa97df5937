package io.tccmall.inventory.flashsale;

import java.time.Instant;
import java.time.ZoneOffset;

/** A flash sale as admins and order-service see it. */
public record FlashSaleView(String saleId, String skuId, int units, int remaining, long priceCents, Instant startsAt,
		Instant endsAt, int perUserLimit, int paymentDeadlineSeconds) {

	static FlashSaleView of(FlashSale sale) {
		return new FlashSaleView(sale.saleId(), sale.skuId(), sale.units(), sale.remaining(), sale.priceCents(),
				sale.startsAt().toInstant(ZoneOffset.UTC), sale.endsAt().toInstant(ZoneOffset.UTC), sale.perUserLimit(),
				sale.paymentDeadlineSeconds());
	}

}
