package io.tccmall.order.participant;

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

/**
 * payment-service's participant endpoints: the Try of the wallet-debit branch, and the
 * reconciliation read.
 */
@FeignClient(name = "payment-service", contextId = "paymentClient")
public interface PaymentClient extends TccBranchApi {

	@PostMapping("/internal/payments")
	Payment debit(@RequestBody DebitRequest request);

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

	record DebitRequest(String orderNo, String userId, long amountCents) {
	}

	record Payment(String paymentNo) {
	}

}
