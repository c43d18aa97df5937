package io.tccmall.coupon.reconciliation;

import java.util.List;

import io.tccmall.common.reconciliation.ParticipantOrderState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only, for order-service's admin lookup: the coupon locked or used by the order, or
 * the given coupon (a released coupon has no order any more), and the
 * {@code tcc_fence_log} rows of the given global transactions. A plain read outside any
 * global transaction; the gateway has no route here.
 */
@RestController
class OrderStateController {

	private final JdbcClient jdbc;

	OrderStateController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/internal/orders/{orderNo}/state")
	@Transactional(readOnly = true)
	ParticipantOrderState state(@PathVariable String orderNo,
			@RequestParam(name = "xid", required = false) List<String> xids,
			@RequestParam(required = false) String couponId) {
		return ParticipantOrderState.read(this.jdbc, "coupon", orderNo,
				this.jdbc.sql("SELECT * FROM user_coupon WHERE order_no = :orderNo OR coupon_id = :couponId")
					.param("orderNo", orderNo)
					.param("couponId", couponId),
				xids);
	}

}
