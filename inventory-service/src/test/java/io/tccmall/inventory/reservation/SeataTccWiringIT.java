package io.tccmall.inventory.reservation;

import java.time.Duration;
import java.util.List;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.inventory.SeataTcTest;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The three actions through a real Seata TC: the TCC proxy, the action context (the order
 * number must reach Confirm/Cancel), the fence and the XID header. Always runs: the TC is
 * {@code TCCMALL_SEATA_TC} when set, else the one {@link SeataTcTest} starts for the test
 * JVM. This test is the global transaction's TM itself and calls the Try endpoints as
 * order-service would.
 */
@SeataTcTest
class SeataTccWiringIT {

	private static final Duration PHASE_TWO_WAIT = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void catalogue() {
		this.jdbc.update("DELETE FROM stock_reservation");
		this.jdbc.update("DELETE FROM product");
		this.jdbc.update("DELETE FROM tcc_fence_log");
		this.jdbc.update("INSERT INTO product (sku_id, name, price_cents, available, initial_stock) VALUES "
				+ "('SKU-A', 'Alpha', 100, 10, 10), ('SKU-B', 'Bravo', 200, 10, 10)");
	}

	@AfterEach
	void unbind() {
		RootContext.unbind();
	}

	@Test
	void shouldHoldTheStockWhenThePlacingTransactionCommits() throws Exception {
		String xid = begin();
		reserve(xid, "O-1", "[{\"skuId\":\"SKU-B\",\"quantity\":2},{\"skuId\":\"SKU-A\",\"quantity\":3}]")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].skuId").value("SKU-A"))
			.andExpect(jsonPath("$.items[0].unitPriceCents").value(100));
		commit(xid);

		awaitStatuses("O-1", "HELD");
		assertThat(stock("SKU-A")).containsExactly(7, 3, 0);
		assertThat(stock("SKU-B")).containsExactly(8, 2, 0);
		assertThat(fence(xid)).containsExactly(2);
	}

	@Test
	void shouldGiveTheStockBackWhenThePlacingTransactionRollsBack() throws Exception {
		String xid = begin();
		reserve(xid, "O-1", "[{\"skuId\":\"SKU-A\",\"quantity\":4}]").andExpect(status().isOk());
		rollback(xid);

		awaitStatuses("O-1", "CANCELLED");
		assertThat(stock("SKU-A")).containsExactly(10, 0, 0);
		assertThat(fence(xid)).containsExactly(3);
	}

	@Test
	void shouldRecordAnEmptyRollbackWhenTheTryWasRefused() throws Exception {
		String xid = begin();
		reserve(xid, "O-1", "[{\"skuId\":\"SKU-A\",\"quantity\":1},{\"skuId\":\"SKU-B\",\"quantity\":11}]")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("OUT_OF_STOCK"));
		rollback(xid);

		await(() -> fence(xid).equals(List.of(4)), "suspended fence row of " + xid);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM stock_reservation", Integer.class)).isZero();
		assertThat(stock("SKU-A")).containsExactly(10, 0, 0);
	}

	@Test
	void shouldHoldAndReleaseThroughTheCoordinator() throws Exception {
		String place = begin();
		reserve(place, "O-HELD", "[{\"skuId\":\"SKU-A\",\"quantity\":3}]").andExpect(status().isOk());
		reserve(place, "O-FREED", "[{\"skuId\":\"SKU-B\",\"quantity\":1}]").andExpect(status().isOk());
		commit(place);
		awaitStatuses("O-HELD", "HELD");
		awaitStatuses("O-FREED", "HELD");

		String abandoned = begin();
		this.mvc
			.perform(post("/internal/stock/reservations/O-FREED/release")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "inventory-service"))
				.header(RootContext.KEY_XID, abandoned))
			.andExpect(status().isOk());
		rollback(abandoned);
		awaitStatuses("O-FREED", "HELD");

		String cancel = begin();
		this.mvc
			.perform(post("/internal/stock/reservations/O-FREED/release")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "inventory-service"))
				.header(RootContext.KEY_XID, cancel))
			.andExpect(status().isOk());
		commit(cancel);
		awaitStatuses("O-FREED", "RELEASED");

		assertThat(stock("SKU-A")).containsExactly(7, 3, 0);
		assertThat(stock("SKU-B")).containsExactly(10, 0, 0);
	}

	@Test
	void shouldRefuseATryOutsideAGlobalTransaction() throws Exception {
		this.mvc
			.perform(post("/internal/stock/reservations")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "inventory-service"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderNo\":\"O-1\",\"items\":[{\"skuId\":\"SKU-A\",\"quantity\":1}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("TRANSACTION_REQUIRED"));
		assertThat(stock("SKU-A")).containsExactly(10, 0, 0);
	}

	private ResultActions reserve(String xid, String orderNo, String items) throws Exception {
		return this.mvc.perform(post("/internal/stock/reservations")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "inventory-service"))
			.header(RootContext.KEY_XID, xid)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orderNo\":\"" + orderNo + "\",\"items\":" + items + "}"));
	}

	private static String begin() throws Exception {
		GlobalTransaction tx = GlobalTransactionContext.getCurrentOrCreate();
		tx.begin(30_000, "inventory-tc-wiring-test");
		return tx.getXid();
	}

	private static void commit(String xid) throws Exception {
		GlobalTransactionContext.reload(xid).commit();
		RootContext.unbind();
	}

	private static void rollback(String xid) throws Exception {
		GlobalTransactionContext.reload(xid).rollback();
		RootContext.unbind();
	}

	private List<Integer> stock(String skuId) {
		return this.jdbc.queryForObject("SELECT available, frozen, sold FROM product WHERE sku_id = ?",
				(rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)), skuId);
	}

	private List<Integer> fence(String xid) {
		return this.jdbc.queryForList("SELECT status FROM tcc_fence_log WHERE xid = ?", Integer.class, xid);
	}

	/**
	 * Phase two reaches the participant asynchronously, after the TM's commit/rollback
	 * returns.
	 */
	private void awaitStatuses(String orderNo, String status) throws InterruptedException {
		await(() -> List.of(status)
			.equals(this.jdbc.queryForList("SELECT DISTINCT status FROM stock_reservation WHERE order_no = ?",
					String.class, orderNo)),
				orderNo + " all " + status);
	}

	private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + PHASE_TWO_WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.sleep(50);
		}
	}

}
