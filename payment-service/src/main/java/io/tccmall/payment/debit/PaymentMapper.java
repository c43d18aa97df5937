package io.tccmall.payment.debit;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface PaymentMapper {

	String COLUMNS = "payment_no, order_no, user_id, amount_cents, status, xid, created_at, updated_at";

	/** The order's live (not cancelled) payment, if any. */
	@Select("SELECT " + COLUMNS + " FROM payment WHERE active_order_no = #{orderNo}")
	Payment findActive(@Param("orderNo") String orderNo);

	@Select("SELECT " + COLUMNS + " FROM payment WHERE order_no = #{orderNo} AND xid = #{xid} AND status = 'TRYING'")
	List<Payment> findTrying(@Param("orderNo") String orderNo, @Param("xid") String xid);

	/**
	 * Throws DuplicateKeyException when the order already has a live payment (unique
	 * {@code uk_active_order}).
	 */
	@Insert("""
			INSERT INTO payment (payment_no, order_no, user_id, amount_cents, status, xid, created_at, updated_at)
			VALUES (#{paymentNo}, #{orderNo}, #{userId}, #{amount}, 'TRYING', #{xid}, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
	int insertTrying(@Param("paymentNo") String paymentNo, @Param("orderNo") String orderNo,
			@Param("userId") String userId, @Param("amount") long amountCents, @Param("xid") String xid);

	@Update("""
			UPDATE payment FORCE INDEX (PRIMARY) SET status = #{to}, updated_at = UTC_TIMESTAMP(3)
			WHERE payment_no = #{paymentNo} AND status = #{from}""")
	int transition(@Param("paymentNo") String paymentNo, @Param("from") String from, @Param("to") String to);

}
