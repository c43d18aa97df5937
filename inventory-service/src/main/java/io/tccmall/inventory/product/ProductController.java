package io.tccmall.inventory.product;

import io.tccmall.common.openapi.ProblemResponse;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue shoppers browse. */
@RestController
@RequestMapping("/api/products")
class ProductController {

	private final ProductService products;

	ProductController(ProductService products) {
		this.products = products;
	}

	@GetMapping
	List<ProductView> list() {
		return this.products.list();
	}

	@ProblemResponse(status = 404, codes = { "SKU_NOT_FOUND" })
	@GetMapping("/{skuId}")
	ProductView get(@PathVariable String skuId) {
		return this.products.get(skuId);
	}

}
