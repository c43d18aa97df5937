package io.tccmall.inventory.product;

/**
 * The stock of a sku as admins see it; {@code flashStock} is set aside for flash sales.
 */
public record StockView(String skuId, int available, int frozen, int sold, int flashStock) {

	static StockView of(Product product) {
		return new StockView(product.getSkuId(), product.getAvailable(), product.getFrozen(), product.getSold(),
				product.getFlashStock());
	}

}
