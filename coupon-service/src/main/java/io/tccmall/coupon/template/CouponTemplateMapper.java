package io.tccmall.coupon.template;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CouponTemplateMapper {

	@Select("""
			SELECT id, name, discount_cents, min_spend_cents, total_count, claimed_count, per_user_limit,
			       valid_from, valid_until, created_at
			FROM coupon_template WHERE id = #{id}""")
	CouponTemplate find(@Param("id") long id);

	/**
	 * Takes one coupon of the template if any is left and the template is claimable now.
	 * The row lock it takes serialises the claims of one template until commit.
	 */
	@Update("""
			UPDATE coupon_template SET claimed_count = claimed_count + 1
			WHERE id = #{id} AND claimed_count < total_count
			  AND UTC_TIMESTAMP(3) BETWEEN valid_from AND valid_until""")
	int claimOne(@Param("id") long id);

	@Insert("""
			INSERT INTO coupon_template (name, discount_cents, min_spend_cents, total_count, claimed_count,
			                             per_user_limit, valid_from, valid_until, created_at)
			VALUES (#{name}, #{discount}, #{minSpend}, #{total}, 0, #{perUser}, #{validFrom}, #{validUntil},
			        UTC_TIMESTAMP(3))""")
	int insert(@Param("name") String name, @Param("discount") long discountCents, @Param("minSpend") long minSpendCents,
			@Param("total") int totalCount, @Param("perUser") int perUserLimit, @Param("validFrom") Instant validFrom,
			@Param("validUntil") Instant validUntil);

	/** The id the last insert of this connection generated. */
	@Select("SELECT LAST_INSERT_ID()")
	long lastInsertId();

}
