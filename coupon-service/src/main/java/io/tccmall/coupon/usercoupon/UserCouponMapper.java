package io.tccmall.coupon.usercoupon;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * State changes are guarded updates: 1 row means the transition happened, 0 that it did
 * not apply.
 */
@Mapper
public interface UserCouponMapper {

	String COLUMNS = """
			coupon_id, template_id, user_id, claim_seq, status, order_no, discount_cents, min_spend_cents,
			valid_until, created_at, updated_at""";

	@Select("SELECT " + COLUMNS + " FROM user_coupon WHERE coupon_id = #{couponId}")
	UserCoupon find(@Param("couponId") String couponId);

	@Select("SELECT " + COLUMNS
			+ " FROM user_coupon WHERE user_id = #{userId} ORDER BY created_at DESC, coupon_id DESC")
	List<UserCoupon> findByUser(@Param("userId") String userId);

	@Select("SELECT COUNT(*) FROM user_coupon WHERE template_id = #{templateId} AND user_id = #{userId}")
	int countClaims(@Param("templateId") long templateId, @Param("userId") String userId);

	/** Throws DuplicateKeyException when (template, user, claimSeq) is taken. */
	@Insert("""
			INSERT INTO user_coupon (coupon_id, template_id, user_id, claim_seq, status, order_no, discount_cents,
			                         min_spend_cents, valid_until, created_at, updated_at)
			VALUES (#{couponId}, #{templateId}, #{userId}, #{claimSeq}, 'AVAILABLE', NULL, #{discount}, #{minSpend},
			        #{validUntil}, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
	int insert(@Param("couponId") String couponId, @Param("templateId") long templateId, @Param("userId") String userId,
			@Param("claimSeq") int claimSeq, @Param("discount") long discountCents,
			@Param("minSpend") long minSpendCents, @Param("validUntil") Instant validUntil);

	/**
	 * coupon-lock Try: the owner's available, unexpired coupon, if the order reaches its
	 * threshold.
	 */
	@Update("""
			UPDATE user_coupon FORCE INDEX (PRIMARY) SET status = 'LOCKED', order_no = #{orderNo}, updated_at = UTC_TIMESTAMP(3)
			WHERE coupon_id = #{couponId} AND user_id = #{userId} AND status = 'AVAILABLE'
			  AND valid_until > UTC_TIMESTAMP(3) AND min_spend_cents <= #{orderTotal}""")
	int lock(@Param("couponId") String couponId, @Param("userId") String userId, @Param("orderNo") String orderNo,
			@Param("orderTotal") long orderTotalCents);

	@Update("""
			UPDATE user_coupon FORCE INDEX (PRIMARY) SET status = #{to}, updated_at = UTC_TIMESTAMP(3)
			WHERE coupon_id = #{couponId} AND order_no = #{orderNo} AND status = #{from}""")
	int transition(@Param("couponId") String couponId, @Param("orderNo") String orderNo, @Param("from") String from,
			@Param("to") String to);

	/**
	 * Back to AVAILABLE, detached from the order, if the order still holds it in
	 * {@code from}.
	 */
	@Update("""
			UPDATE user_coupon FORCE INDEX (PRIMARY) SET status = 'AVAILABLE', order_no = NULL, updated_at = UTC_TIMESTAMP(3)
			WHERE coupon_id = #{couponId} AND order_no = #{orderNo} AND status = #{from}""")
	int makeAvailable(@Param("couponId") String couponId, @Param("orderNo") String orderNo, @Param("from") String from);

}
