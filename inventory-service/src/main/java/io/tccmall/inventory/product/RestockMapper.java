package io.tccmall.inventory.product;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface RestockMapper {

	/**
	 * 1 when this key is new, 0 when (requested_by, idempotency_key) already exists. A
	 * concurrent request with the same key waits here until the first one commits or
	 * rolls back. created_at is left to the database: Connector/J takes MariaDB for MySQL
	 * 5.5.5 and drops the milliseconds of a bound Java timestamp.
	 */
	@Insert("INSERT IGNORE INTO restock (sku_id, requested_by, idempotency_key, quantity) "
			+ "VALUES (#{skuId}, #{requestedBy}, #{idempotencyKey}, #{quantity})")
	int insertIgnore(@Param("skuId") String skuId, @Param("requestedBy") String requestedBy,
			@Param("idempotencyKey") String idempotencyKey, @Param("quantity") int quantity);

	@Select("SELECT * FROM restock WHERE requested_by = #{requestedBy} AND idempotency_key = #{idempotencyKey}")
	Restock findByKey(@Param("requestedBy") String requestedBy, @Param("idempotencyKey") String idempotencyKey);

}
