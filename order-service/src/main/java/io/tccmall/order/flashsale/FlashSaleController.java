package io.tccmall.order.flashsale;

import java.util.List;

import io.tccmall.common.openapi.ProblemResponse;
import io.tccmall.common.web.Caller;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buying in a flash sale: 202 with a ticket when admitted (the same ticket again for the
 * same Idempotency-Key), 409 {@code SOLD_OUT} / {@code LIMIT_REACHED} /
 * {@code NOT_STARTED} / {@code ENDED} otherwise; the ticket turns into an order shortly.
 */
@RestController
@Validated
class FlashSaleController {

	private final FlashSaleService sales;

	private final FlashTickets tickets;

	FlashSaleController(FlashSaleService sales, FlashTickets tickets) {
		this.sales = sales;
		this.tickets = tickets;
	}

	@ProblemResponse(status = 404, codes = { "FLASH_SALE_NOT_FOUND" })
	@ProblemResponse(status = 409, codes = { "NOT_STARTED", "ENDED", "SOLD_OUT", "LIMIT_REACHED" })
	@PostMapping("/api/flash-sales/{saleId}/orders")
	ResponseEntity<TicketView> buy(Caller caller, @PathVariable @Pattern(regexp = "[A-Za-z0-9]{1,32}") String saleId,
			@RequestHeader("Idempotency-Key") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String idempotencyKey) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(this.sales.admit(caller.userId(), saleId, idempotencyKey));
	}

	@GetMapping("/api/flash-sales/{saleId}/orders/mine")
	List<TicketView> mine(Caller caller, @PathVariable String saleId) {
		return this.tickets.mine(saleId, caller.userId()).stream().map(TicketView::of).toList();
	}

}
