package io.tccmall.inventory.reconciliation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.inventory.InventoryDatabaseSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /internal/reconciliation} against the real database: a consistent state
 * passes, one corrupted row is reported precisely, and nothing is written.
 */
class ReconciliationApiIT extends InventoryDatabaseSupport {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void consistentStock() {
		// SKU-A: 10 supplied, 2 held for O-1, 3 sold to O-2; SKU-B: restocked once
		product("SKU-A", "Alpha", 100, 10);
		product("SKU-B", "Bravo", 100, 5);
		this.jdbc.update("UPDATE product SET available = 5, frozen = 2, sold = 3 WHERE sku_id = 'SKU-A'");
		this.jdbc.update("UPDATE product SET available = 7, restocked = 2 WHERE sku_id = 'SKU-B'");
		this.jdbc.update("INSERT INTO restock (sku_id, requested_by, idempotency_key, quantity) VALUES"
				+ " ('SKU-B', 'admin', 'k-1', 2)");
		reservation("O-1", "SKU-A", 2, "HELD", Instant.now());
		reservation("O-2", "SKU-A", 3, "SOLD", Instant.now());
		reservation("O-OLD", "SKU-B", 1, "RELEASED", Instant.now().minus(3, ChronoUnit.DAYS));
	}

	@Test
	void shouldPassAConsistentStateAndListLiveAndRecentReservations() throws Exception {
		findings(Instant.now().minus(1, ChronoUnit.DAYS)).andExpect(status().isOk())
			.andExpect(jsonPath("$.service").value("inventory"))
			.andExpect(jsonPath("$.checks[*].name")
				.value(contains("inventory.stock-conservation", "inventory.stock-reservations")))
			.andExpect(jsonPath("$.checks[*].ok").value(contains(true, true)))
			.andExpect(jsonPath("$.checks[0].details.skus").value(2))
			// live and recent, not the release of three days ago
			.andExpect(jsonPath("$.holdings[*].orderNo").value(containsInAnyOrder("O-1", "O-2")))
			.andExpect(jsonPath("$.holdings[?(@.orderNo == 'O-1')].status").value(contains("HELD")))
			.andExpect(jsonPath("$.holdings[?(@.orderNo == 'O-1')].ref").value(contains("SKU-A")))
			.andExpect(jsonPath("$.holdings[?(@.orderNo == 'O-1')].amount").value(contains(2)));
	}

	@Test
	void shouldReportFrozenStockWithoutAReservationNamingTheSku() throws Exception {
		// conservation still holds: one unit moved from available to frozen by hand
		this.jdbc.update("UPDATE product SET available = available - 1, frozen = frozen + 1 WHERE sku_id = 'SKU-A'");

		findings(Instant.now()).andExpect(status().isOk())
			.andExpect(jsonPath("$.checks[0].ok").value(true))
			.andExpect(jsonPath("$.checks[1].ok").value(false))
			.andExpect(jsonPath("$.checks[1].violations", hasSize(1)))
			.andExpect(jsonPath("$.checks[1].violations[0]").value(
					"sku SKU-A: frozen 3 but live reservations (TRYING/HELD/RELEASING) hold 2; sold 3, SOLD reservations 3"));
		assertThat(stock("SKU-A")).isEqualTo(new Stock(4, 3, 3, 0, 10));
	}

	@Test
	void shouldReportRestockedStockWithoutTheRestocksBehindIt() throws Exception {
		// the CHECK constraint keeps available + frozen + sold = initial + restocked; the
		// restock rows are the evidence behind "restocked"
		this.jdbc.update("DELETE FROM restock WHERE sku_id = 'SKU-B'");

		findings(Instant.now()).andExpect(status().isOk())
			.andExpect(jsonPath("$.checks[0].ok").value(false))
			.andExpect(jsonPath("$.checks[0].violations").value(contains(
					"sku SKU-B: available 7 + frozen 0 + sold 0 + flash sales 0 must equal initial 5 + restocked 2 (restocks total 0), none negative")))
			.andExpect(jsonPath("$.checks[1].ok").value(true));
	}

	@Test
	void shouldReportAReservationOfAnUnknownSku() throws Exception {
		reservation("O-3", "SKU-GONE", 1, "CANCELLED", Instant.now());

		findings(Instant.now()).andExpect(jsonPath("$.checks[1].ok").value(false))
			.andExpect(jsonPath("$.checks[1].violations")
				.value(contains("reservation of order O-3 for unknown sku SKU-GONE (CANCELLED)")));
	}

	@Test
	void shouldRefuseACallWithoutSince() throws Exception {
		this.mvc
			.perform(get("/internal/reconciliation").header(HttpHeaders.AUTHORIZATION,
					TestTokens.service("order-service", "inventory-service")))
			.andExpect(status().isBadRequest());
	}

	private ResultActions findings(Instant since) throws Exception {
		return this.mvc.perform(get("/internal/reconciliation")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "inventory-service"))
			.param("since", since.toString()));
	}

	private void reservation(String orderNo, String skuId, int quantity, String status, Instant updatedAt) {
		this.jdbc.update(
				"INSERT INTO stock_reservation (order_no, sku_id, quantity, status, updated_at) VALUES (?, ?, ?, ?, ?)",
				orderNo, skuId, quantity, status, java.sql.Timestamp.from(updatedAt));
	}

}
