package io.tccmall.inventory.product;

import java.util.List;

import io.tccmall.common.web.BusinessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

@Service
class ProductService {

	private static final Logger log = LoggerFactory.getLogger(ProductService.class);

	private final ProductMapper products;

	ProductService(ProductMapper products) {
		this.products = products;
	}

	List<ProductView> list() {
		return this.products.findAllOrderBySku().stream().map(ProductView::of).toList();
	}

	ProductView get(String skuId) {
		return ProductView.of(find(skuId));
	}

	StockView stock(String skuId) {
		return StockView.of(find(skuId));
	}

	ProductView create(CreateProductRequest request, String adminId) {
		Product product = Product.newProduct(request.skuId(), request.name().strip(), request.priceCents(),
				request.stock());
		try {
			this.products.insert(product);
		}
		catch (DuplicateKeyException ex) {
			throw BusinessException.conflict("SKU_EXISTS", "A product with skuId " + request.skuId() + " exists");
		}
		log.info("product {} created by {} with stock {}", product.getSkuId(), adminId, product.getInitialStock());
		return ProductView.of(product);
	}

	private Product find(String skuId) {
		Product product = this.products.selectById(skuId);
		if (product == null) {
			throw ProductNotFound.of(skuId);
		}
		return product;
	}

}
