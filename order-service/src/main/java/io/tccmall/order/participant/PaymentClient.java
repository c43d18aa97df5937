package io.tccmall.order.participant;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** payment-service's participant endpoint: the Try of the wallet-debit branch. */
@FeignClient(name = "payment-service", contextId = "paymentClient")
public interface PaymentClient {

	@PostMapping("/internal/payments")
	Payment debit(@RequestBody DebitRequest request);

	record DebitRequest(String orderNo, String userId, long amountCents) {
	}

	record Payment(String paymentNo) {
	}

}
