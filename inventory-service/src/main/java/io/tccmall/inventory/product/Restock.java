package io.tccmall.inventory.product;

import java.time.LocalDateTime;

/**
 * One admin restock, kept under its Idempotency-Key so that a replay finds it instead of
 * adding the stock again.
 */
class Restock {

	private Long id;

	private String skuId;

	private String requestedBy;

	private String idempotencyKey;

	private Integer quantity;

	/** UTC, set by the database. */
	private LocalDateTime createdAt;

	Restock() {
	}

	boolean sameRequest(String skuId, int quantity) {
		return this.skuId.equals(skuId) && this.quantity == quantity;
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getSkuId() {
		return this.skuId;
	}

	public void setSkuId(String skuId) {
		this.skuId = skuId;
	}

	public String getRequestedBy() {
		return this.requestedBy;
	}

	public void setRequestedBy(String requestedBy) {
		this.requestedBy = requestedBy;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public Integer getQuantity() {
		return this.quantity;
	}

	public void setQuantity(Integer quantity) {
		this.quantity = quantity;
	}

	public LocalDateTime getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(LocalDateTime createdAt) {
		this.createdAt = createdAt;
	}

}
