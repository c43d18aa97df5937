package io.tccmall.inventory.product;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A sellable sku and its stock. Quantities only ever change through the guarded updates
 * of {@link ProductMapper};
 * {@code available + frozen + sold + flashStock = initialStock + restocked} holds at all
 * times (a CHECK constraint enforces it).
 */
@TableName("product")
public class Product {

	@TableId(value = "sku_id", type = IdType.INPUT)
	private String skuId;

	private String name;

	private Long priceCents;

	private Integer available;

	private Integer frozen;

	private Integer sold;

	private Integer flashStock;

	private Integer restocked;

	private Integer initialStock;

	/** UTC, set by the database. */
	private LocalDateTime createdAt;

	/** UTC, set by the database. */
	private LocalDateTime updatedAt;

	public Product() {
	}

	static Product newProduct(String skuId, String name, long priceCents, int stock) {
		Product product = new Product();
		product.skuId = skuId;
		product.name = name;
		product.priceCents = priceCents;
		product.available = stock;
		product.frozen = 0;
		product.sold = 0;
		product.flashStock = 0;
		product.restocked = 0;
		product.initialStock = stock;
		return product;
	}

	public String getSkuId() {
		return this.skuId;
	}

	public void setSkuId(String skuId) {
		this.skuId = skuId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Long getPriceCents() {
		return this.priceCents;
	}

	public void setPriceCents(Long priceCents) {
		this.priceCents = priceCents;
	}

	public Integer getAvailable() {
		return this.available;
	}

	public void setAvailable(Integer available) {
		this.available = available;
	}

	public Integer getFrozen() {
		return this.frozen;
	}

	public void setFrozen(Integer frozen) {
		this.frozen = frozen;
	}

	public Integer getSold() {
		return this.sold;
	}

	public void setSold(Integer sold) {
		this.sold = sold;
	}

	public Integer getFlashStock() {
		return this.flashStock;
	}

	public void setFlashStock(Integer flashStock) {
		this.flashStock = flashStock;
	}

	public Integer getRestocked() {
		return this.restocked;
	}

	public void setRestocked(Integer restocked) {
		this.restocked = restocked;
	}

	public Integer getInitialStock() {
		return this.initialStock;
	}

	public void setInitialStock(Integer initialStock) {
		this.initialStock = initialStock;
	}

	public LocalDateTime getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(LocalDateTime createdAt) {
		this.createdAt = createdAt;
	}

	public LocalDateTime getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(LocalDateTime updatedAt) {
		this.updatedAt = updatedAt;
	}

}
