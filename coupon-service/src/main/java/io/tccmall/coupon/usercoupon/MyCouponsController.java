package io.tccmall.coupon.usercoupon;

import java.util.List;

import io.tccmall.common.web.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MyCouponsController {

	private final UserCouponMapper coupons;

	MyCouponsController(UserCouponMapper coupons) {
		this.coupons = coupons;
	}

	/** The caller's coupons, newest first. */
	@GetMapping("/api/coupons/mine")
	List<CouponView> mine(Caller caller) {
		return this.coupons.findByUser(caller.userId()).stream().map(CouponView::of).toList();
	}

}
