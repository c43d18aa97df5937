package io.tccmall.order.order;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("order_item")
public class OrderItem {

	@TableId(type = IdType.AUTO)
	private Long id;

	private String orderNo;

	private String skuId;

	private String name;

	private int quantity;

	private long unitPriceCents;

	public OrderItem() {
	}

	public OrderItem(String orderNo, String skuId, String name, int quantity, long unitPriceCents) {
		this.orderNo = orderNo;
		this.skuId = skuId;
		this.name = name;
		this.quantity = quantity;
		this.unitPriceCents = unitPriceCents;
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getOrderNo() {
		return this.orderNo;
	}

	public void setOrderNo(String orderNo) {
		this.orderNo = orderNo;
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

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	public long getUnitPriceCents() {
		return this.unitPriceCents;
	}

	public void setUnitPriceCents(long unitPriceCents) {
		this.unitPriceCents = unitPriceCents;
	}

}
