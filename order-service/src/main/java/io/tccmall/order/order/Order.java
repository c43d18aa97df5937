package io.tccmall.order.order;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("orders")
public class Order {

	@TableId(type = IdType.INPUT)
	private String orderNo;

	private String userId;

	private OrderStatus status;

	private long totalCents;

	private long discountCents;

	private long payableCents;

	private String couponId;

	private String paymentNo;

	private String idempotencyKey;

	private String requestHash;

	private String payIdempotencyKey;

	private String placeXid;

	private String payXid;

	private String cancelXid;

	private String cancelReason;

	private LocalDateTime expireAt;

	private LocalDateTime paidAt;

	private LocalDateTime createdAt;

	public String getOrderNo() {
		return this.orderNo;
	}

	public void setOrderNo(String orderNo) {
		this.orderNo = orderNo;
	}

	public String getUserId() {
		return this.userId;
	}

	public void setUserId(String userId) {
		this.userId = userId;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public void setStatus(OrderStatus status) {
		this.status = status;
	}

	public long getTotalCents() {
		return this.totalCents;
	}

	public void setTotalCents(long totalCents) {
		this.totalCents = totalCents;
	}

	public long getDiscountCents() {
		return this.discountCents;
	}

	public void setDiscountCents(long discountCents) {
		this.discountCents = discountCents;
	}

	public long getPayableCents() {
		return this.payableCents;
	}

	public void setPayableCents(long payableCents) {
		this.payableCents = payableCents;
	}

	public String getCouponId() {
		return this.couponId;
	}

	public void setCouponId(String couponId) {
		this.couponId = couponId;
	}

	public String getPaymentNo() {
		return this.paymentNo;
	}

	public void setPaymentNo(String paymentNo) {
		this.paymentNo = paymentNo;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public String getRequestHash() {
		return this.requestHash;
	}

	public void setRequestHash(String requestHash) {
		this.requestHash = requestHash;
	}

	public String getPayIdempotencyKey() {
		return this.payIdempotencyKey;
	}

	public void setPayIdempotencyKey(String payIdempotencyKey) {
		this.payIdempotencyKey = payIdempotencyKey;
	}

	public String getPlaceXid() {
		return this.placeXid;
	}

	public void setPlaceXid(String placeXid) {
		this.placeXid = placeXid;
	}

	public String getPayXid() {
		return this.payXid;
	}

	public void setPayXid(String payXid) {
		this.payXid = payXid;
	}

	public String getCancelXid() {
		return this.cancelXid;
	}

	public void setCancelXid(String cancelXid) {
		this.cancelXid = cancelXid;
	}

	public String getCancelReason() {
		return this.cancelReason;
	}

	public void setCancelReason(String cancelReason) {
		this.cancelReason = cancelReason;
	}

	public LocalDateTime getExpireAt() {
		return this.expireAt;
	}

	public void setExpireAt(LocalDateTime expireAt) {
		this.expireAt = expireAt;
	}

	public LocalDateTime getPaidAt() {
		return this.paidAt;
	}

	public void setPaidAt(LocalDateTime paidAt) {
		this.paidAt = paidAt;
	}

	public LocalDateTime getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(LocalDateTime createdAt) {
		this.createdAt = createdAt;
	}

}
