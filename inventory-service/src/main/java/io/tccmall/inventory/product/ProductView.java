package io.tccmall.inventory.product;

/** What shoppers see of a product. */
public record ProductView(String skuId, String name, long priceCents, int available) {

	static ProductView of(Product product) {
		return new ProductView(product.getSkuId(), product.getName(), product.getPriceCents(), product.getAvailable());
	}

}
