package io.tccmall.inventory.reservation;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.inventory.InventoryDatabaseSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InternalStockApiIT extends InventoryDatabaseSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	StockReserveAction reserveAction;

	@BeforeEach
	void catalogue() {
		product("SKU-A", "Alpha", 1250, 100);
		product("SKU-B", "Bravo", 499, 1);
	}

	private ResultActions reserve(String json) throws Exception {
		return this.mvc.perform(post("/internal/stock/reservations")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "inventory-service"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	@Test
	void shouldAnswerAReservationWithUnitPricesAndNames() throws Exception {
		reserve("""
				{"orderNo":"O-1","items":[{"skuId":"SKU-B","quantity":1},{"skuId":"SKU-A","quantity":2}]}""")
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"orderNo":"O-1","items":[
					  {"skuId":"SKU-A","quantity":2,"unitPriceCents":1250,"name":"Alpha"},
					  {"skuId":"SKU-B","quantity":1,"unitPriceCents":499,"name":"Bravo"}]}""", true));

		assertThat(stock("SKU-A")).isEqualTo(new Stock(98, 2, 0, 0, 100));
	}

	@Test
	void shouldAnswerOutOfStockAndUnknownSkuAsProblems() throws Exception {
		reserve("""
				{"orderNo":"O-1","items":[{"skuId":"SKU-A","quantity":1},{"skuId":"SKU-B","quantity":2}]}""")
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("OUT_OF_STOCK"));
		reserve("""
				{"orderNo":"O-2","items":[{"skuId":"SKU-NOPE","quantity":1}]}""").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("SKU_NOT_FOUND"));

		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(count("stock_reservation")).isZero();
	}

	@Test
	void shouldRefuseMalformedReservationRequests() throws Exception {
		String hundredAndOneItems = IntStream.range(0, 101)
			.mapToObj(i -> "{\"skuId\":\"S-" + i + "\",\"quantity\":1}")
			.collect(Collectors.joining(",", "[", "]"));
		for (String body : new String[] { """
				{"orderNo":"O-1","items":[]}""", """
				{"orderNo":"O-1","items":[{"skuId":"SKU-A","quantity":0}]}""", """
				{"orderNo":"O-1","items":[{"skuId":"SKU-A","quantity":10001}]}""", """
				{"orderNo":"","items":[{"skuId":"SKU-A","quantity":1}]}""", """
				{"orderNo":"O-123456789012345678901234567890123","items":[{"skuId":"SKU-A","quantity":1}]}""", """
				{"orderNo":"O-1","items":[{"skuId":"SKU-A","quantity":1},{"skuId":"SKU-A","quantity":1}]}""",
				"{\"orderNo\":\"O-1\",\"items\":" + hundredAndOneItems + "}" }) {
			reserve(body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		}
		assertThat(stock("SKU-A")).isEqualTo(new Stock(100, 0, 0, 0, 100));
		assertThat(count("stock_reservation")).isZero();
	}

	@Test
	void shouldReleaseAHeldOrderAndAnswerAnUnknownOneWithANoOp() throws Exception {
		reserve("""
				{"orderNo":"O-1","items":[{"skuId":"SKU-A","quantity":2}]}""").andExpect(status().isOk());
		this.reserveAction.confirm(context(StockReserveAction.NAME, "O-1"));

		this.mvc
			.perform(post("/internal/stock/reservations/O-1/release").header(HttpHeaders.AUTHORIZATION,
					TestTokens.service("order-service", "inventory-service")))
			.andExpect(status().isOk())
			.andExpect(content().json("{}", true));
		this.mvc
			.perform(post("/internal/stock/reservations/O-UNKNOWN/release").header(HttpHeaders.AUTHORIZATION,
					TestTokens.service("order-service", "inventory-service")))
			.andExpect(status().isOk())
			.andExpect(content().json("{}", true));

		assertThat(reservations("O-1")).isEqualTo(Map.of("SKU-A", "RELEASING"));
		assertThat(reservations("O-UNKNOWN")).isEmpty();
	}

}
