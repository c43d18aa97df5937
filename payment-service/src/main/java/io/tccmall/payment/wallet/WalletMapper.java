package io.tccmall.payment.wallet;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Every money movement is one guarded UPDATE: the WHERE clause states what must hold, and
 * a result of 0 rows means it did not.
 */
@Mapper
public interface WalletMapper {

	@Select("""
			SELECT user_id, balance_cents, frozen_cents, paid_cents, refunded_cents, topped_up_cents,
			       created_at, updated_at
			FROM wallet WHERE user_id = #{userId}""")
	Wallet find(@Param("userId") String userId);

	@Insert("""
			INSERT IGNORE INTO wallet (user_id, balance_cents, frozen_cents, paid_cents, refunded_cents,
			                           topped_up_cents, created_at, updated_at)
			VALUES (#{userId}, 0, 0, 0, 0, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
	int createIfMissing(@Param("userId") String userId);

	@Update("""
			UPDATE wallet SET balance_cents = balance_cents + #{amount}, topped_up_cents = topped_up_cents + #{amount},
			       updated_at = UTC_TIMESTAMP(3)
			WHERE user_id = #{userId}""")
	int topUp(@Param("userId") String userId, @Param("amount") long amountCents);

	/** Try: balance to frozen, only if the balance covers it. */
	@Update("""
			UPDATE wallet SET balance_cents = balance_cents - #{amount}, frozen_cents = frozen_cents + #{amount},
			       updated_at = UTC_TIMESTAMP(3)
			WHERE user_id = #{userId} AND balance_cents >= #{amount}""")
	int freeze(@Param("userId") String userId, @Param("amount") long amountCents);

	/** Confirm: frozen to paid. */
	@Update("""
			UPDATE wallet SET frozen_cents = frozen_cents - #{amount}, paid_cents = paid_cents + #{amount},
			       updated_at = UTC_TIMESTAMP(3)
			WHERE user_id = #{userId} AND frozen_cents >= #{amount}""")
	int settleFrozen(@Param("userId") String userId, @Param("amount") long amountCents);

	/** Cancel: frozen back to balance. */
	@Update("""
			UPDATE wallet SET frozen_cents = frozen_cents - #{amount}, balance_cents = balance_cents + #{amount},
			       updated_at = UTC_TIMESTAMP(3)
			WHERE user_id = #{userId} AND frozen_cents >= #{amount}""")
	int unfreeze(@Param("userId") String userId, @Param("amount") long amountCents);

}
