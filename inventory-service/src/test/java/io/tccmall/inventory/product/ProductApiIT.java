package io.tccmall.inventory.product;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.inventory.InventoryDatabaseSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProductApiIT extends InventoryDatabaseSupport {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void catalogue() {
		product("SKU-0002", "Bravo", 499, 7);
		product("SKU-0001", "Alpha", 1250, 100);
	}

	private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, TestTokens.admin("admin"));
	}

	private static MockHttpServletRequestBuilder asShopper(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, TestTokens.user("alice"));
	}

	private ResultActions restock(String skuId, String key, String body) throws Exception {
		return this.mvc
			.perform(asAdmin(post("/api/admin/products/{skuId}/restocks", skuId)).header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	@Test
	void shouldListEveryProductInSkuOrderWithShopperFieldsOnly() throws Exception {
		this.mvc.perform(asShopper(get("/api/products"))).andExpect(status().isOk()).andExpect(content().json("""
				[{"skuId":"SKU-0001","name":"Alpha","priceCents":1250,"available":100},
				 {"skuId":"SKU-0002","name":"Bravo","priceCents":499,"available":7}]""", true));
	}

	@Test
	void shouldShowOneProductAndAnswerNotFoundForAnUnknownSku() throws Exception {
		this.mvc.perform(asShopper(get("/api/products/SKU-0002")))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"skuId":"SKU-0002","name":"Bravo","priceCents":499,"available":7}""", true));
		this.mvc.perform(asShopper(get("/api/products/SKU-9999")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("SKU_NOT_FOUND"))
			.andExpect(jsonPath("$.type").value("https://tccmall.io/problems/sku-not-found"));
	}

	@Test
	void shouldCreateAProductWithItsStockAndRefuseTheSameSkuAgain() throws Exception {
		String body = """
				{"skuId":"SKU-NEW-1","name":"Garden Hose 25 m","priceCents":2999,"stock":40}""";
		this.mvc.perform(asAdmin(post("/api/admin/products")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/products/SKU-NEW-1"))
			.andExpect(content().json("""
					{"skuId":"SKU-NEW-1","name":"Garden Hose 25 m","priceCents":2999,"available":40}""", true));

		this.mvc.perform(asAdmin(post("/api/admin/products")).contentType(MediaType.APPLICATION_JSON).content("""
				{"skuId":"SKU-NEW-1","name":"Other","priceCents":1,"stock":1}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("SKU_EXISTS"));

		assertThat(stock("SKU-NEW-1")).isEqualTo(new Stock(40, 0, 0, 0, 40));
		assertThat(this.jdbc.queryForObject("SELECT name FROM product WHERE sku_id = 'SKU-NEW-1'", String.class))
			.isEqualTo("Garden Hose 25 m");
	}

	@Test
	void shouldRefuseInvalidProducts() throws Exception {
		for (String body : new String[] { """
				{"skuId":"SKU 1","name":"n","priceCents":1,"stock":1}""", """
				{"skuId":"","name":"n","priceCents":1,"stock":1}""", """
				{"skuId":"SKU-X","name":"","priceCents":1,"stock":1}""", """
				{"skuId":"SKU-X","name":"n","priceCents":-1,"stock":1}""", """
				{"skuId":"SKU-X","name":"n","priceCents":1,"stock":-1}""", """
				{"skuId":"SKU-X","name":"n","priceCents":1}""", """
				{"skuId":"%s","name":"n","priceCents":1,"stock":1}""".formatted("A".repeat(65)) }) {
			this.mvc.perform(asAdmin(post("/api/admin/products")).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		}
		assertThat(count("product")).isEqualTo(2);
	}

	@Test
	void shouldRefuseAdminEndpointsToShoppersAndAnonymousCallers() throws Exception {
		String product = """
				{"skuId":"SKU-X","name":"n","priceCents":1,"stock":1}""";
		this.mvc
			.perform(asShopper(post("/api/admin/products")).contentType(MediaType.APPLICATION_JSON).content(product))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		this.mvc
			.perform(asShopper(post("/api/admin/products/SKU-0001/restocks")).header("Idempotency-Key", "k-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"quantity\":5}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(asShopper(get("/api/admin/products/SKU-0001/stock"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/admin/products").contentType(MediaType.APPLICATION_JSON).content(product))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/admin/products/SKU-0001/stock")).andExpect(status().isUnauthorized());

		assertThat(count("product")).isEqualTo(2);
		assertThat(count("restock")).isZero();
		assertThat(stock("SKU-0001")).isEqualTo(new Stock(100, 0, 0, 0, 100));
	}

	@Test
	void shouldRestockOnceWhenTheSameIdempotencyKeyIsReplayed() throws Exception {
		String first = restock("SKU-0001", "key-1", "{\"quantity\":25}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.skuId").value("SKU-0001"))
			.andExpect(jsonPath("$.quantity").value(25))
			.andExpect(jsonPath("$.restockId").isNumber())
			.andExpect(jsonPath("$.createdAt").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();

		restock("SKU-0001", "key-1", "{\"quantity\":25}").andExpect(status().isCreated())
			.andExpect(content().json(first, true));

		assertThat(stock("SKU-0001")).isEqualTo(new Stock(125, 0, 0, 25, 100));
		assertThat(count("restock")).isEqualTo(1);
		assertStockBalanced();
	}

	@Test
	void shouldRefuseAnIdempotencyKeyReusedForADifferentRestock() throws Exception {
		restock("SKU-0001", "key-1", "{\"quantity\":25}").andExpect(status().isCreated());

		restock("SKU-0001", "key-1", "{\"quantity\":26}").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
		restock("SKU-0002", "key-1", "{\"quantity\":25}").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));

		assertThat(stock("SKU-0001")).isEqualTo(new Stock(125, 0, 0, 25, 100));
		assertThat(stock("SKU-0002")).isEqualTo(new Stock(7, 0, 0, 0, 7));
	}

	@Test
	void shouldScopeIdempotencyKeysToTheAdmin() throws Exception {
		restock("SKU-0001", "key-1", "{\"quantity\":25}").andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/admin/products/SKU-0001/restocks")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.admin("admin2"))
				.header("Idempotency-Key", "key-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"quantity\":25}"))
			.andExpect(status().isCreated());

		assertThat(stock("SKU-0001")).isEqualTo(new Stock(150, 0, 0, 50, 100));
	}

	@Test
	void shouldRestockOnceWhenReplaysOfOneKeyRace() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return restock("SKU-0002", "key-race", "{\"quantity\":3}").andExpect(status().isCreated())
						.andReturn()
						.getResponse()
						.getContentAsString();
				}));
			}
			start.countDown();
			List<String> bodies = new ArrayList<>();
			for (Future<String> answer : answers) {
				bodies.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(bodies).hasSize(8).allMatch(bodies.get(0)::equals);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(stock("SKU-0002")).isEqualTo(new Stock(10, 0, 0, 3, 7));
		assertThat(count("restock")).isEqualTo(1);
	}

	@Test
	void shouldRefuseRestocksWithoutKeyOutOfRangeOrOfUnknownSkus() throws Exception {
		this.mvc
			.perform(asAdmin(post("/api/admin/products/SKU-0001/restocks")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"quantity\":5}"))
			.andExpect(status().isBadRequest());
		restock("SKU-0001", "key-0", "{\"quantity\":0}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		restock("SKU-0001", "key-big", "{\"quantity\":1000001}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		restock("SKU-0001", "k".repeat(129), "{\"quantity\":1}").andExpect(status().isBadRequest());
		restock("SKU-9999", "key-unknown", "{\"quantity\":5}").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("SKU_NOT_FOUND"));

		assertThat(count("restock")).isZero();
		assertThat(stock("SKU-0001")).isEqualTo(new Stock(100, 0, 0, 0, 100));
	}

	@Test
	void shouldRefuseARestockThatWouldOverflowTheStockAndKeepTheKeyUnused() throws Exception {
		this.jdbc
			.update("UPDATE product SET available = 2147000000, initial_stock = 2147000000 WHERE sku_id = 'SKU-0001'");

		restock("SKU-0001", "key-1", "{\"quantity\":1000000}").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("STOCK_LIMIT_EXCEEDED"));
		restock("SKU-0001", "key-1", "{\"quantity\":1000}").andExpect(status().isCreated());

		assertThat(stock("SKU-0001")).isEqualTo(new Stock(2147001000, 0, 0, 1000, 2147000000));
	}

	@Test
	void shouldShowAdminsTheAvailableFrozenAndSoldStock() throws Exception {
		this.jdbc.update("UPDATE product SET available = 90, frozen = 6, sold = 4 WHERE sku_id = 'SKU-0001'");

		this.mvc.perform(asAdmin(get("/api/admin/products/SKU-0001/stock")))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"skuId":"SKU-0001","available":90,"frozen":6,"sold":4,"flashStock":0}""", true));
		this.mvc.perform(asAdmin(get("/api/admin/products/SKU-9999/stock")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("SKU_NOT_FOUND"));
	}

}
