package io.tccmall.inventory.reservation;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Status changes are guarded ({@code WHERE status = from}); 0 rows means "not in that
 * state". They name the index of their key: with few rows in the guarded status MariaDB
 * would rather range-scan {@code idx_stock_reservation_status}, locking other orders'
 * entries, and concurrent transitions of different orders would deadlock.
 */
@Mapper
interface StockReservationMapper {

	/** 1 when the (order, sku) reservation is new, 0 when it already exists. */
	@Insert("INSERT IGNORE INTO stock_reservation (order_no, sku_id, sale_id, quantity, status) "
			+ "VALUES (#{orderNo}, #{skuId}, #{saleId}, #{quantity}, 'TRYING')")
	int insertTrying(@Param("orderNo") String orderNo, @Param("skuId") String skuId, @Param("quantity") int quantity,
			@Param("saleId") String saleId);

	@Select("SELECT * FROM stock_reservation WHERE order_no = #{orderNo} AND sku_id = #{skuId}")
	StockReservation find(@Param("orderNo") String orderNo, @Param("skuId") String skuId);

	@Select("SELECT * FROM stock_reservation WHERE order_no = #{orderNo} ORDER BY sku_id")
	List<StockReservation> findByOrder(@Param("orderNo") String orderNo);

	/** Locked, in sku order (the order every transaction locks product rows in). */
	@Select("SELECT * FROM stock_reservation WHERE order_no = #{orderNo} ORDER BY sku_id FOR UPDATE")
	List<StockReservation> lockByOrder(@Param("orderNo") String orderNo);

	/** In sku order, the order every transaction locks product rows in. */
	@Select("SELECT * FROM stock_reservation WHERE order_no = #{orderNo} AND status = #{status} ORDER BY sku_id")
	List<StockReservation> findByOrderAndStatus(@Param("orderNo") String orderNo,
			@Param("status") ReservationStatus status);

	@Update("UPDATE stock_reservation FORCE INDEX (PRIMARY) SET status = #{to} WHERE id = #{id} AND status = #{from}")
	int transition(@Param("id") long id, @Param("from") ReservationStatus from, @Param("to") ReservationStatus to);

	/** Moves every row of the order that is in {@code from}; returns how many moved. */
	@Update("UPDATE stock_reservation FORCE INDEX (uk_stock_reservation_order_sku) SET status = #{to}"
			+ " WHERE order_no = #{orderNo} AND status = #{from}")
	int transitionOrder(@Param("orderNo") String orderNo, @Param("from") ReservationStatus from,
			@Param("to") ReservationStatus to);

}
