package io.tccmall.inventory.reservation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tccmall.common.testsupport.DatabaseFault;
import io.tccmall.common.testsupport.TcConsole;
import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.inventory.SeataTcTest;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.tccmall.common.testsupport.TestTransactions.await;
import static io.tccmall.common.testsupport.TestTransactions.begin;
import static io.tccmall.common.testsupport.TestTransactions.tcStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Phase two failing under the real TC, the fault injected in the real database
 * ({@link DatabaseFault}: a trigger failing the update of the order's second reservation
 * row, after the first row's stock change ran in the same transaction): a Confirm that
 * fails a few times is retried by the TC until it goes through, once; a Cancel that keeps
 * failing leaves the transaction RollbackRetrying in the TC, the stock still held and
 * nothing given back half way, until the cause is removed and the TC's next retry
 * finishes it. This test is the TM and calls the Try endpoints as order-service would;
 * the TC retries phase two every second ({@code deploy/seata-tc/application.yml}).
 */
@SeataTcTest
class PhaseTwoFaultIT {

	private static final String ORDER = "O-FAULT";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyTables() {
		DatabaseFault.removeAll(this.jdbc);
		this.jdbc.update("DELETE FROM stock_reservation");
		this.jdbc.update("DELETE FROM restock");
		this.jdbc.update("DELETE FROM product");
		this.jdbc.update("DELETE FROM tcc_fence_log");
	}

	@AfterEach
	void removeFaults() {
		// a failed test must not leave the TC retrying against a trigger forever
		DatabaseFault.removeAll(this.jdbc);
		RootContext.unbind();
	}

	@Test
	void shouldHoldOnceWhenTheConfirmFailsTransientlyAndTheCoordinatorRetriesIt() throws Exception {
		products();
		DatabaseFault fault = DatabaseFault.failUpdates(this.jdbc, "reserve_confirm", "stock_reservation",
				"OLD.status = 'TRYING' AND NEW.status = 'HELD' AND NEW.sku_id = 'SKU-B'", 3);

		GlobalTransaction place = begin("inventory-phase-two-fault-test");
		this.mvc
			.perform(post("/internal/stock/reservations")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "inventory-service"))
				.header(RootContext.KEY_XID, place.getXid())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderNo\":\"" + ORDER + "\",\"items\":[{\"skuId\":\"SKU-A\",\"quantity\":3},"
						+ "{\"skuId\":\"SKU-B\",\"quantity\":2}]}"))
			.andExpect(status().isOk());
		place.commit();
		RootContext.unbind();
		// the TM hears "committed, phase two pending": the caller already sees success
		assertThat(place.getLocalStatus()).as("the TC's answer to the TM's commit")
			.isEqualTo(GlobalStatus.CommitRetrying);

		await(() -> statuses().equals(List.of("HELD")), "the TC's retries confirm the reservation");
		assertThat(fault.injected()).as("Confirm attempts that failed").isEqualTo(3);
		assertThat(stock("SKU-A")).as("[available, frozen, sold] of SKU-A").containsExactly(7, 3, 0);
		assertThat(stock("SKU-B")).as("[available, frozen, sold] of SKU-B").containsExactly(8, 2, 0);
		assertThat(fence(place.getXid())).as("fence row").containsExactly(2);
		await(() -> tcStatus(place.getXid()) == GlobalStatus.Finished, "the TC ends the transaction");
		assertThat(TcConsole.ofTestServer().globalSession(place.getXid())).as("console after the commit").isNull();

		// the TC's later rounds find nothing left to do
		Thread.sleep(2_000);
		assertThat(stock("SKU-A")).containsExactly(7, 3, 0);
		assertThat(stock("SKU-B")).containsExactly(8, 2, 0);
		assertThat(fault.injected()).isEqualTo(3);
	}

	@Test
	void shouldKeepRetryingACancelThatKeepsFailingUntilTheCauseIsRemoved() throws Exception {
		products();
		DatabaseFault fault = DatabaseFault.failUpdatesUntilRemoved(this.jdbc, "reserve_cancel", "stock_reservation",
				"OLD.status = 'TRYING' AND NEW.status = 'CANCELLED' AND NEW.sku_id = 'SKU-B'");

		GlobalTransaction place = begin("inventory-phase-two-fault-test");
		String xid = place.getXid();
		this.mvc
			.perform(post("/internal/stock/reservations")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "inventory-service"))
				.header(RootContext.KEY_XID, xid)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderNo\":\"" + ORDER + "\",\"items\":[{\"skuId\":\"SKU-A\",\"quantity\":3},"
						+ "{\"skuId\":\"SKU-B\",\"quantity\":2}]}"))
			.andExpect(status().isOk());
		place.rollback();
		RootContext.unbind();
		assertThat(place.getLocalStatus()).as("the TC's answer to the TM's rollback")
			.isEqualTo(GlobalStatus.RollbackRetrying);

		// the TC retries every second, forever (max-rollback-retry-timeout -1)
		await(() -> fault.injected() >= 4, "four failed Cancel attempts");
		assertThat(tcStatus(xid)).as("the TC's status of the transaction").isEqualTo(GlobalStatus.RollbackRetrying);
		JsonNode session = TcConsole.ofTestServer().globalSession(xid);
		assertThat(session).as("the console lists the stuck transaction").isNotNull();
		assertThat(session.path("status").asInt()).as("console status (5 RollbackRetrying): %s", session)
			.isEqualTo(GlobalStatus.RollbackRetrying.getCode());
		JsonNode branches = session.path("branchSessionVOs");
		assertThat(branches.size()).as("branches: %s", branches).isEqualTo(1);
		assertThat(branches.get(0).path("resourceId").asText()).isEqualTo(StockReserveAction.NAME);
		// the failing branch is not marked: it shows as Registered (1) in the console
		assertThat(branches.get(0).path("status").asInt()).as("branch status: %s", branches.get(0)).isEqualTo(1);

		// what the participant shows meanwhile: the Try's state, whole; SKU-A's give-back
		// ran
		// in each failed Cancel and was rolled back with it, never kept
		assertThat(statuses()).containsExactly("TRYING");
		assertThat(stock("SKU-A")).as("SKU-A while Cancel fails").containsExactly(7, 3, 0);
		assertThat(stock("SKU-B")).as("SKU-B while Cancel fails").containsExactly(8, 2, 0);
		assertThat(fence(xid)).as("fence row while Cancel fails (TRIED)").containsExactly(1);

		// the runbook: fix the cause; the TC's next retry finishes the transaction
		int failedAttempts = fault.injected();
		fault.remove();
		await(() -> statuses().equals(List.of("CANCELLED")), "the TC's retry cancels the reservation");
		assertThat(stock("SKU-A")).as("SKU-A given back once").containsExactly(10, 0, 0);
		assertThat(stock("SKU-B")).as("SKU-B given back once").containsExactly(10, 0, 0);
		assertThat(fence(xid)).as("fence row").containsExactly(3);
		await(() -> tcStatus(xid) == GlobalStatus.Finished, "the TC ends the transaction");
		assertThat(TcConsole.ofTestServer().globalSession(xid)).as("console after the rollback").isNull();
		assertThat(fault.injected()).isGreaterThanOrEqualTo(failedAttempts);
	}

	private void products() {
		this.jdbc.update("INSERT INTO product (sku_id, name, price_cents, available, initial_stock) VALUES "
				+ "('SKU-A', 'Alpha', 100, 10, 10), ('SKU-B', 'Bravo', 200, 10, 10)");
	}

	private List<String> statuses() {
		return this.jdbc.queryForList("SELECT DISTINCT status FROM stock_reservation WHERE order_no = ?", String.class,
				ORDER);
	}

	private List<Integer> stock(String skuId) {
		return this.jdbc.queryForObject("SELECT available, frozen, sold FROM product WHERE sku_id = ?",
				(rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)), skuId);
	}

	private List<Integer> fence(String xid) {
		return this.jdbc.queryForList("SELECT status FROM tcc_fence_log WHERE xid = ?", Integer.class, xid);
	}

}
