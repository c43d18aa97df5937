package io.tccmall.coupon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Coupon templates and user coupons: claims behind the gateway, and the TCC participants
 * {@code coupon-lock}, {@code coupon-use} and {@code coupon-release} for order-service.
 */
@SpringBootApplication
public class CouponApplication {

	public static void main(String[] args) {
		SpringApplication.run(CouponApplication.class, args);
	}

}
