package io.tccmall.inventory.flashsale;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface FlashSaleMapper {

	/** 1 when the (admin, Idempotency-Key) is new, 0 when it exists. */
	@Insert("INSERT IGNORE INTO flash_sale (sale_id, sku_id, units, remaining, price_cents, starts_at, ends_at,"
			+ " per_user_limit, payment_deadline_seconds, created_by, idempotency_key, request_hash)"
			+ " VALUES (#{saleId}, #{skuId}, #{units}, #{units}, #{priceCents}, #{startsAt}, #{endsAt}, #{perUserLimit},"
			+ " #{deadline}, #{createdBy}, #{key}, #{requestHash})")
	int insertIgnore(@Param("saleId") String saleId, @Param("skuId") String skuId, @Param("units") int units,
			@Param("priceCents") long priceCents, @Param("startsAt") LocalDateTime startsAt,
			@Param("endsAt") LocalDateTime endsAt, @Param("perUserLimit") int perUserLimit,
			@Param("deadline") int paymentDeadlineSeconds, @Param("createdBy") String createdBy,
			@Param("key") String idempotencyKey, @Param("requestHash") String requestHash);

	@Select("SELECT * FROM flash_sale WHERE sale_id = #{saleId}")
	FlashSale find(@Param("saleId") String saleId);

	@Select("SELECT * FROM flash_sale WHERE created_by = #{createdBy} AND idempotency_key = #{key}")
	FlashSale findByKey(@Param("createdBy") String createdBy, @Param("key") String key);

	/**
	 * Sales not ended at {@code now} that start before {@code until}: the ones to admit
	 * buyers for.
	 */
	@Select("SELECT * FROM flash_sale WHERE ends_at > #{now} AND starts_at <= #{until} ORDER BY starts_at LIMIT 100")
	List<FlashSale> findOpenBetween(@Param("now") LocalDateTime now, @Param("until") LocalDateTime until);

	/** Takes units of the sale for an order, only while they last. */
	@Update("UPDATE flash_sale SET remaining = remaining - #{quantity} WHERE sale_id = #{saleId}"
			+ " AND sku_id = #{skuId} AND remaining >= #{quantity}")
	int take(@Param("saleId") String saleId, @Param("skuId") String skuId, @Param("quantity") int quantity);

	/** Gives the units of a released order back to the sale. */
	@Update("UPDATE flash_sale SET remaining = remaining + #{quantity} WHERE sale_id = #{saleId}"
			+ " AND remaining + #{quantity} <= units")
	int giveBack(@Param("saleId") String saleId, @Param("quantity") int quantity);

}
