package io.tccmall.payment.wallet;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface TopUpMapper {

	@Select("""
			SELECT id, user_id, requested_by, idempotency_key, amount_cents, balance_after_cents, frozen_after_cents,
			       created_at
			FROM top_up WHERE requested_by = #{requestedBy} AND idempotency_key = #{key}""")
	TopUp find(@Param("requestedBy") String requestedBy, @Param("key") String idempotencyKey);

	/**
	 * Claims the idempotency key. 0 rows: the key is taken (a concurrent request with the
	 * same key waits here until the first one commits or rolls back).
	 */
	@Insert("""
			INSERT IGNORE INTO top_up (user_id, requested_by, idempotency_key, amount_cents, created_at)
			VALUES (#{userId}, #{requestedBy}, #{key}, #{amount}, UTC_TIMESTAMP(3))""")
	int claimKey(@Param("requestedBy") String requestedBy, @Param("key") String idempotencyKey,
			@Param("userId") String userId, @Param("amount") long amountCents);

	@Update("""
			UPDATE top_up SET balance_after_cents = #{balance}, frozen_after_cents = #{frozen}
			WHERE requested_by = #{requestedBy} AND idempotency_key = #{key}""")
	int recordResult(@Param("requestedBy") String requestedBy, @Param("key") String idempotencyKey,
			@Param("balance") long balanceCents, @Param("frozen") long frozenCents);

}
