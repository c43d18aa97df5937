package io.tccmall.inventory.product;

import io.tccmall.common.web.BusinessException;

/** The 404 every lookup of an unknown sku answers. */
public final class ProductNotFound {

	public static final String CODE = "SKU_NOT_FOUND";

	private ProductNotFound() {
	}

	public static BusinessException of(String skuId) {
		return BusinessException.notFound(CODE, "No product with skuId " + skuId);
	}

}
