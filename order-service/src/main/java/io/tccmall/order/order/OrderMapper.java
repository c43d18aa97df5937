package io.tccmall.order.order;

import java.time.LocalDateTime;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Every guarded update names the primary key ({@code FORCE INDEX (PRIMARY)}): with few
 * orders in the status it guards on (TRYING, PAYING), MariaDB's optimizer would rather
 * range-scan {@code idx_orders_status_expire}, locking other orders' index entries on the
 * way, and two concurrent Confirms of different orders then deadlock (measured under the
 * bench; {@code GuardedUpdatePlansIT}).
 */
@Mapper
public interface OrderMapper extends BaseMapper<Order> {

	/** The one way an order changes status: guarded by the status it must be in. */
	@Update("UPDATE orders FORCE INDEX (PRIMARY) SET status = #{event.to} WHERE order_no = #{orderNo} AND status = #{event.from}")
	int apply(@Param("orderNo") String orderNo, @Param("event") OrderEvent event);

	/**
	 * {@link OrderEvent#PAY_STARTED}, only for the owner and only before the deadline.
	 */
	@Update("UPDATE orders FORCE INDEX (PRIMARY) SET status = 'PAYING', pay_idempotency_key = #{key}, pay_xid = #{xid}"
			+ " WHERE order_no = #{orderNo} AND user_id = #{userId} AND status = 'AWAITING_PAYMENT' AND expire_at > #{now}")
	int startPayment(@Param("orderNo") String orderNo, @Param("userId") String userId, @Param("key") String key,
			@Param("now") LocalDateTime now, @Param("xid") String xid);

	@Update("UPDATE orders FORCE INDEX (PRIMARY) SET payment_no = #{paymentNo} WHERE order_no = #{orderNo} AND status = 'PAYING'")
	int recordPaymentNo(@Param("orderNo") String orderNo, @Param("paymentNo") String paymentNo);

	/**
	 * {@link OrderEvent#PAY_CONFIRMED}, for the pay transaction that started it: a late
	 * decision about an earlier attempt must not settle a later one.
	 */
	@Update("UPDATE orders FORCE INDEX (PRIMARY) SET status = 'PAID', paid_at = #{now} WHERE order_no = #{orderNo}"
			+ " AND status = 'PAYING' AND pay_xid = #{xid}")
	int confirmPayment(@Param("orderNo") String orderNo, @Param("xid") String xid, @Param("now") LocalDateTime now);

	/** {@link OrderEvent#PAY_CANCELLED}, for the pay transaction that started it. */
	@Update("UPDATE orders FORCE INDEX (PRIMARY) SET status = 'AWAITING_PAYMENT', payment_no = NULL, pay_idempotency_key = NULL"
			+ " WHERE order_no = #{orderNo} AND status = 'PAYING' AND pay_xid = #{xid}")
	int abortPayment(@Param("orderNo") String orderNo, @Param("xid") String xid);

	/** {@link OrderEvent#CANCEL_STARTED}, only for the owner. */
	@Update("UPDATE orders FORCE INDEX (PRIMARY) SET status = 'CANCELLING', cancel_reason = #{reason}, cancel_xid = #{xid}"
			+ " WHERE order_no = #{orderNo} AND user_id = #{userId} AND status = 'AWAITING_PAYMENT'")
	int startCancel(@Param("orderNo") String orderNo, @Param("userId") String userId, @Param("reason") String reason,
			@Param("xid") String xid);

	/**
	 * {@link OrderEvent#CANCEL_ABORTED}, by the cancel global transaction that started it
	 * (or by an admin's release, {@code xid} null): a late rollback of an earlier cancel
	 * transaction must not undo a later one.
	 */
	@Update("UPDATE orders FORCE INDEX (PRIMARY) SET status = 'AWAITING_PAYMENT', cancel_reason = NULL WHERE order_no = #{orderNo}"
			+ " AND status = 'CANCELLING' AND (#{xid,jdbcType=VARCHAR} IS NULL OR cancel_xid IS NULL"
			+ " OR cancel_xid = #{xid,jdbcType=VARCHAR})")
	int abortCancel(@Param("orderNo") String orderNo, @Param("xid") String xid);

	/** Unpaid orders past their deadline, oldest first (index on status, expire_at). */
	@Select("SELECT order_no FROM orders WHERE status = 'AWAITING_PAYMENT' AND expire_at <= NOW(3)"
			+ " ORDER BY expire_at LIMIT #{limit}")
	List<String> findExpired(@Param("limit") int limit);

	/**
	 * Orders whose place or pay transaction has not been settled for {@code seconds}
	 * (index on status), oldest first.
	 */
	@Select("SELECT * FROM orders WHERE status IN ('TRYING', 'PAYING') AND updated_at <= NOW(3) - INTERVAL #{seconds} SECOND"
			+ " ORDER BY updated_at LIMIT #{limit}")
	List<Order> findUnsettled(@Param("seconds") long seconds, @Param("limit") int limit);

	/**
	 * The order whose place, pay or cancel global transaction is {@code xid}, or null.
	 */
	@Select("SELECT * FROM orders WHERE place_xid = #{xid} OR pay_xid = #{xid} OR cancel_xid = #{xid} LIMIT 1")
	Order findByXid(@Param("xid") String xid);

	@Select("SELECT * FROM orders WHERE user_id = #{userId} AND idempotency_key = #{key}")
	Order findByIdempotencyKey(@Param("userId") String userId, @Param("key") String key);

	@Select("SELECT * FROM orders WHERE user_id = #{userId} ORDER BY created_at DESC, order_no DESC"
			+ " LIMIT #{limit} OFFSET #{offset}")
	List<Order> findPage(@Param("userId") String userId, @Param("limit") int limit, @Param("offset") long offset);

	@Select("SELECT COUNT(*) FROM orders WHERE user_id = #{userId}")
	long countByUser(@Param("userId") String userId);

}
