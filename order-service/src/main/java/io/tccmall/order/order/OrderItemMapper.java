package io.tccmall.order.order;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OrderItemMapper extends BaseMapper<OrderItem> {

	@Select("SELECT * FROM order_item WHERE order_no = #{orderNo} ORDER BY sku_id")
	List<OrderItem> findByOrderNo(@Param("orderNo") String orderNo);

}
