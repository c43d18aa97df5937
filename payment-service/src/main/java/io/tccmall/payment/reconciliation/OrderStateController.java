package io.tccmall.payment.reconciliation;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only, for order-service's admin lookup: the order's payments (a cancelled one
 * stays), and the {@code tcc_fence_log} rows of the given global transactions. A plain
 * read outside any global transaction; the gateway has no route here.
 */
@RestController
class OrderStateController {

	private final JdbcClient jdbc;

	OrderStateController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/internal/orders/{orderNo}/state")
	@Transactional(readOnly = true)
	OrderState state(@PathVariable String orderNo, @RequestParam(name = "xid", required = false) List<String> xids) {
		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT * FROM payment WHERE order_no = :orderNo ORDER BY created_at")
			.param("orderNo", orderNo)
			.query()
			.listOfRows();
		List<Map<String, Object>> fence = (xids == null || xids.isEmpty()) ? List.of()
				: this.jdbc.sql("SELECT * FROM tcc_fence_log WHERE xid IN (:xids) ORDER BY gmt_create")
					.param("xids", xids)
					.query()
					.listOfRows();
		return new OrderState("payment", orderNo, rows, fence);
	}

	record OrderState(String participant, String orderNo, List<Map<String, Object>> rows,
			List<Map<String, Object>> fence) {
	}

}
