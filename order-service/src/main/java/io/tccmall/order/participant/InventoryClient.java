package io.tccmall.order.participant;

import java.time.Instant;
import java.util.List;

import io.tccmall.common.reconciliation.ParticipantFindings;
import io.tccmall.common.reconciliation.ParticipantOrderState;
import io.tccmall.common.tcc.TccBranchApi;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** inventory-service's participant endpoints; each POST is the Try of one TCC branch. */
@FeignClient(name = "inventory-service", contextId = "inventoryClient")
public interface InventoryClient extends TccBranchApi {

	@PostMapping("/internal/stock/reservations")
	Reservation reserve(@RequestBody ReserveRequest request);

	@PostMapping("/internal/stock/reservations/{orderNo}/release")
	void release(@PathVariable("orderNo") String orderNo);

	/**
	 * Read-only, for the admin lookup: the order's rows and the fence rows of its XIDs.
	 */
	@GetMapping("/internal/orders/{orderNo}/state")
	ParticipantOrderState orderState(@PathVariable("orderNo") String orderNo,
			@RequestParam(name = "xid", required = false) List<String> xids);

	/**
	 * Read-only, outside any global transaction: the participant's own checks and
	 * holdings.
	 */
	@GetMapping("/internal/reconciliation")
	ParticipantFindings reconciliation(@RequestParam("since") String since);

	/** Flash sales, read outside any global transaction. */
	@GetMapping("/internal/flash-sales/{saleId}")
	FlashSale flashSale(@PathVariable("saleId") String saleId);

	@GetMapping("/internal/flash-sales")
	List<FlashSale> upcomingFlashSales();

	/**
	 * @param saleId a flash sale to take the one item from, or null
	 */
	record ReserveRequest(String orderNo, List<Line> items, String saleId) {
	}

	record FlashSale(String saleId, String skuId, int units, int remaining, long priceCents, Instant startsAt,
			Instant endsAt, int perUserLimit, int paymentDeadlineSeconds) {
	}

	record Line(String skuId, int quantity) {
	}

	record Reservation(String orderNo, List<ReservedLine> items) {
	}

	record ReservedLine(String skuId, int quantity, long unitPriceCents, String name) {
	}

}
