package io.tccmall.order.flashsale;

import io.tccmall.common.resilience.ParticipantCalls;
import io.tccmall.order.participant.InventoryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Loads live and upcoming flash sales into Redis before the crowd arrives, and again
 * within seconds if Redis lost them (a load is a no-op for a sale already there).
 */
@Component
class FlashSalePreloader {

	private static final Logger log = LoggerFactory.getLogger(FlashSalePreloader.class);

	private final InventoryClient inventory;

	private final ParticipantCalls calls;

	private final FlashSaleService sales;

	FlashSalePreloader(InventoryClient inventory, ParticipantCalls calls, FlashSaleService sales) {
		this.inventory = inventory;
		this.calls = calls;
		this.sales = sales;
	}

	@Scheduled(fixedDelayString = "${tccmall.flash-sale.preload-interval:5s}",
			initialDelayString = "${tccmall.flash-sale.preload-interval:5s}")
	void preload() {
		try {
			for (InventoryClient.FlashSale sale : this.calls.call("inventory", this.inventory::upcomingFlashSales)) {
				this.sales.load(sale.saleId());
			}
		}
		catch (RuntimeException ex) {
			log.warn("flash sales not preloaded this round: {}", ex.toString());
		}
	}

}
