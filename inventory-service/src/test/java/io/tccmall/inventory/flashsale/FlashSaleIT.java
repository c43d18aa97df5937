package io.tccmall.inventory.flashsale;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.common.web.BusinessException;
import io.tccmall.inventory.InventoryDatabaseSupport;
import io.tccmall.inventory.reservation.ReservedStock;
import io.tccmall.inventory.reservation.StockItem;
import io.tccmall.inventory.reservation.StockReleaseAction;
import io.tccmall.inventory.reservation.StockReserveAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Flash sales against the real database: units move from normal stock into the sale and
 * back, stock stays conserved, the sale's remaining units are the final guard.
 */
class FlashSaleIT extends InventoryDatabaseSupport {

	private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	MockMvc mvc;

	@Autowired
	StockReserveAction reserve;

	@Autowired
	StockReleaseAction release;

	@BeforeEach
	void catalogue() {
		product("SKU-F", "Phone", 50_000, 10);
	}

	@Test
	void shouldMoveTheSaleUnitsOutOfNormalStockOnceForOneKey() throws Exception {
		String saleId = create("k1", sale(4)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.units").value(4))
			.andExpect(jsonPath("$.remaining").value(4))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"saleId\":\"([^\"]+)\".*", "$1");

		create("k1", sale(4)).andExpect(status().isCreated()).andExpect(jsonPath("$.saleId").value(saleId));
		create("k1", sale(5)).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));

		assertThat(stock("SKU-F")).isEqualTo(new Stock(6, 0, 0, 0, 10));
		assertThat(flashStock()).isEqualTo(4);
		assertStockBalanced();
	}

	@Test
	void shouldRefuseASaleLargerThanTheAvailableStockAndChangeNothing() throws Exception {
		create("k2", sale(11)).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("OUT_OF_STOCK"));
		create("k3",
				Map.of("skuId", "NOPE", "units", 1, "priceCents", 1, "startsAt", "2026-01-01T00:00:00Z", "endsAt",
						"2026-01-02T00:00:00Z", "perUserLimit", 1, "paymentDeadlineSeconds", 60))
			.andExpect(status().isNotFound());

		assertThat(count("flash_sale")).isZero();
		assertThat(stock("SKU-F")).isEqualTo(new Stock(10, 0, 0, 0, 10));
	}

	@Test
	void shouldReserveFromTheSaleAtItsPriceUntilItIsSoldOutAndGiveReleasedUnitsBack() throws Exception {
		String saleId = saleId(create("k4", sale(2)));

		ReservedStock first = this.reserve.prepare(null, "O-1", List.of(new StockItem("SKU-F", 1)), saleId);
		this.reserve.prepare(null, "O-2", List.of(new StockItem("SKU-F", 1)), saleId);

		assertThat(first.items().get(0).unitPriceCents()).isEqualTo(9_900);
		assertThatThrownBy(() -> this.reserve.prepare(null, "O-3", List.of(new StockItem("SKU-F", 1)), saleId))
			.isInstanceOfSatisfying(BusinessException.class, ex -> assertThat(ex.code()).isEqualTo("SOLD_OUT"));
		assertThat(stock("SKU-F")).isEqualTo(new Stock(8, 2, 0, 0, 10));
		assertThat(flashStock()).isZero();

		this.reserve.confirm(context(StockReserveAction.NAME, "O-1"));
		this.release.prepare(null, "O-1");
		this.release.confirm(context(StockReleaseAction.NAME, "O-1"));
		this.release.confirm(context(StockReleaseAction.NAME, "O-1"));

		assertThat(stock("SKU-F")).isEqualTo(new Stock(8, 1, 0, 0, 10));
		assertThat(flashStock()).isEqualTo(1);
		assertThat(
				this.jdbc.queryForObject("SELECT remaining FROM flash_sale WHERE sale_id = ?", Integer.class, saleId))
			.isEqualTo(1);
		assertStockBalanced();
	}

	@Test
	void shouldRefuseAnotherSkuUnderTheSale() throws Exception {
		product("SKU-G", "Case", 1_000, 10);
		String saleId = saleId(create("k5", sale(2)));

		assertThatThrownBy(() -> this.reserve.prepare(null, "O-9", List.of(new StockItem("SKU-G", 1)), saleId))
			.isInstanceOfSatisfying(BusinessException.class,
					ex -> assertThat(ex.code()).isEqualTo("VALIDATION_FAILED"));
		assertThat(count("stock_reservation")).isZero();
	}

	private ResultActions create(String key, Map<String, Object> body) throws Exception {
		return this.mvc
			.perform(post("/api/admin/flash-sales").header(HttpHeaders.AUTHORIZATION, TestTokens.admin("admin"))
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(new ObjectMapper().writeValueAsString(body)));
	}

	private static Map<String, Object> sale(int units) {
		return Map.of("skuId", "SKU-F", "units", units, "priceCents", 9_900, "startsAt", START.toString(), "endsAt",
				START.plus(1, ChronoUnit.HOURS).toString(), "perUserLimit", 1, "paymentDeadlineSeconds", 60);
	}

	private static String saleId(ResultActions created) throws Exception {
		return created.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"saleId\":\"([^\"]+)\".*", "$1");
	}

	private int flashStock() {
		return this.jdbc.queryForObject("SELECT flash_stock FROM product WHERE sku_id = 'SKU-F'", Integer.class);
	}

}
