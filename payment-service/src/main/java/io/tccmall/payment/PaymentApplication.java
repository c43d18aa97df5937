package io.tccmall.payment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Wallets and payments. TCC participant {@code wallet-debit} for order-service; admin
 * top-ups and the shopper's wallet view behind the gateway.
 */
@SpringBootApplication
public class PaymentApplication {

	public static void main(String[] args) {
		SpringApplication.run(PaymentApplication.class, args);
	}

}
