package io.tccmall.inventory.reservation;

import java.util.List;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.inventory.SeataTcTest;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.tm.api.GlobalTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.tccmall.common.testsupport.TestTransactions.begin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The repair of a branch whose global transaction the TC forgot (issue 20, finding 4),
 * against the real TC: what a TC that lost its session store leaves behind (a reservation
 * TRYING with its stock frozen, its fence row TRIED, an XID the TC does not know) is
 * settled once, through the fence, the way order-service decides; a branch of a
 * transaction the TC still holds is never touched.
 */
@SeataTcTest
class ForgottenBranchesIT {

	private static final String FORGOTTEN_XID = "127.0.0.1:8091:990000000001";

	private static final String ORDER = "O-FORGOTTEN";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void strandedReservation() {
		this.jdbc.update("DELETE FROM stock_reservation");
		this.jdbc.update("DELETE FROM product");
		this.jdbc.update("DELETE FROM tcc_fence_log");
		this.jdbc.update("INSERT INTO product (sku_id, name, price_cents, available, frozen, initial_stock)"
				+ " VALUES ('SKU-F', 'Foxtrot', 100, 8, 2, 10)");
		this.jdbc.update("INSERT INTO stock_reservation (order_no, sku_id, quantity, status)"
				+ " VALUES (?, 'SKU-F', 2, 'TRYING')", ORDER);
		this.jdbc.update(
				"INSERT INTO tcc_fence_log (xid, branch_id, action_name, status, gmt_create, gmt_modified)"
						+ " VALUES (?, 42, ?, 1, NOW(3) - INTERVAL 5 MINUTE, NOW(3) - INTERVAL 5 MINUTE)",
				FORGOTTEN_XID, StockReserveAction.NAME);
	}

	@AfterEach
	void unbind() {
		RootContext.unbind();
	}

	@Test
	void shouldListTheBranchesTriedLongerThanAsked() throws Exception {
		this.mvc
			.perform(get("/internal/tcc/branches?olderThanSeconds=60&limit=10").header(HttpHeaders.AUTHORIZATION,
					TestTokens.service("order-service", "inventory-service")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].xid").value(FORGOTTEN_XID))
			.andExpect(jsonPath("$[0].branchId").value(42))
			.andExpect(jsonPath("$[0].actionName").value(StockReserveAction.NAME));
		this.mvc
			.perform(get("/internal/tcc/branches?olderThanSeconds=600&limit=10").header(HttpHeaders.AUTHORIZATION,
					TestTokens.service("order-service", "inventory-service")))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void shouldRollBackAForgottenBranchOnceThroughTheFence() throws Exception {
		settle(FORGOTTEN_XID, "ROLLBACK").andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].result").value("PhaseTwo_Rollbacked"));

		assertThat(reservation()).isEqualTo("CANCELLED");
		assertThat(stock()).as("[available, frozen, sold]").containsExactly(10, 0, 0);
		assertThat(fence(FORGOTTEN_XID)).as("fence row: rolled back").containsExactly(3);

		settle(FORGOTTEN_XID, "ROLLBACK").andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
		settle(FORGOTTEN_XID, "COMMIT").andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
		assertThat(reservation()).isEqualTo("CANCELLED");
		assertThat(stock()).as("given back once").containsExactly(10, 0, 0);
	}

	@Test
	void shouldConfirmAForgottenBranchWhenTheOrderCommitted() throws Exception {
		settle(FORGOTTEN_XID, "COMMIT").andExpect(status().isOk())
			.andExpect(jsonPath("$[0].result").value("PhaseTwo_Committed"));

		assertThat(reservation()).isEqualTo("HELD");
		assertThat(stock()).containsExactly(8, 2, 0);
		assertThat(fence(FORGOTTEN_XID)).as("fence row: committed").containsExactly(2);
	}

	@Test
	void shouldNeverSettleABranchOfATransactionTheTcStillHolds() throws Exception {
		this.jdbc.update("DELETE FROM tcc_fence_log");
		this.jdbc.update("DELETE FROM stock_reservation");
		this.jdbc.update("UPDATE product SET available = 10, frozen = 0");
		GlobalTransaction live = begin("forgotten-branches-test");
		String xid = live.getXid();
		this.mvc
			.perform(post("/internal/stock/reservations")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "inventory-service"))
				.header(RootContext.KEY_XID, xid)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderNo\":\"" + ORDER + "\",\"items\":[{\"skuId\":\"SKU-F\",\"quantity\":2}]}"))
			.andExpect(status().isOk());
		RootContext.unbind();

		settle(xid, "COMMIT").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("TRANSACTION_NOT_FORGOTTEN"));
		assertThat(reservation()).isEqualTo("TRYING");
		assertThat(fence(xid)).containsExactly(1);

		live.rollback();
		assertThat(reservation()).isEqualTo("CANCELLED");
		assertThat(stock()).containsExactly(10, 0, 0);
	}

	@Test
	void shouldRefuseACallerWithoutAServiceToken() throws Exception {
		this.mvc
			.perform(post("/internal/tcc/branches/settlements")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.admin("mallory"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(FORGOTTEN_XID, "ROLLBACK")))
			.andExpect(status().isForbidden());
		assertThat(reservation()).isEqualTo("TRYING");
		assertThat(fence(FORGOTTEN_XID)).containsExactly(1);
	}

	private ResultActions settle(String xid, String decision) throws Exception {
		return this.mvc.perform(post("/internal/tcc/branches/settlements")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "inventory-service"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(xid, decision)));
	}

	private static String body(String xid, String decision) {
		return "{\"xid\":\"" + xid + "\",\"decision\":\"" + decision + "\",\"context\":{\"orderNo\":\"" + ORDER
				+ "\"}}";
	}

	private String reservation() {
		return this.jdbc.queryForObject("SELECT status FROM stock_reservation WHERE order_no = ?", String.class, ORDER);
	}

	private List<Integer> stock() {
		return this.jdbc.queryForObject("SELECT available, frozen, sold FROM product WHERE sku_id = 'SKU-F'",
				(rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)));
	}

	private List<Integer> fence(String xid) {
		return this.jdbc.queryForList("SELECT status FROM tcc_fence_log WHERE xid = ?", Integer.class, xid);
	}

}
