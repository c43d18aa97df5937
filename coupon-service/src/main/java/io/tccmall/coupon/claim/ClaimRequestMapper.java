package io.tccmall.coupon.claim;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface ClaimRequestMapper {

	@Select("""
			SELECT user_id, idempotency_key, request_hash, coupon_id, created_at
			FROM coupon_claim_request WHERE user_id = #{userId} AND idempotency_key = #{key}""")
	ClaimRecord find(@Param("userId") String userId, @Param("key") String idempotencyKey);

	/**
	 * Takes the idempotency key for the coupon about to be issued. 0 rows: the key is
	 * taken (a concurrent request with the same key waits here until the first commits or
	 * rolls back).
	 */
	@Insert("""
			INSERT IGNORE INTO coupon_claim_request (user_id, idempotency_key, request_hash, coupon_id, created_at)
			VALUES (#{userId}, #{key}, #{hash}, #{couponId}, UTC_TIMESTAMP(3))""")
	int claimKey(@Param("userId") String userId, @Param("key") String idempotencyKey, @Param("hash") String requestHash,
			@Param("couponId") String couponId);

}
