package io.tccmall.inventory.product;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Stock changes are single guarded UPDATEs (never read-then-write): each returns the
 * number of rows it changed, and 0 means the guard refused.
 */
@Mapper
public interface ProductMapper extends BaseMapper<Product> {

	@Select("SELECT * FROM product ORDER BY sku_id")
	List<Product> findAllOrderBySku();

	@Select("""
			<script>
			SELECT * FROM product WHERE sku_id IN
			<foreach collection="skuIds" item="skuId" open="(" separator="," close=")">#{skuId}</foreach>
			ORDER BY sku_id
			</script>
			""")
	List<Product> findBySkuIds(@Param("skuIds") Collection<String> skuIds);

	@Select("SELECT COUNT(*) > 0 FROM product WHERE sku_id = #{skuId}")
	boolean exists(@Param("skuId") String skuId);

	/** Try of stock-reserve: {@code available -> frozen}, only if enough is available. */
	@Update("UPDATE product SET available = available - #{quantity}, frozen = frozen + #{quantity} "
			+ "WHERE sku_id = #{skuId} AND available >= #{quantity}")
	int freeze(@Param("skuId") String skuId, @Param("quantity") int quantity);

	/** Cancel of stock-reserve, Confirm of stock-release: {@code frozen -> available}. */
	@Update("UPDATE product SET available = available + #{quantity}, frozen = frozen - #{quantity} "
			+ "WHERE sku_id = #{skuId} AND frozen >= #{quantity}")
	int unfreeze(@Param("skuId") String skuId, @Param("quantity") int quantity);

	/** Moves units of normal stock into a flash sale. */
	@Update("UPDATE product SET available = available - #{quantity}, flash_stock = flash_stock + #{quantity} "
			+ "WHERE sku_id = #{skuId} AND available >= #{quantity}")
	int allocateToSale(@Param("skuId") String skuId, @Param("quantity") int quantity);

	/** Reserves units of a flash sale for an order. */
	@Update("UPDATE product SET flash_stock = flash_stock - #{quantity}, frozen = frozen + #{quantity} "
			+ "WHERE sku_id = #{skuId} AND flash_stock >= #{quantity}")
	int freezeFromSale(@Param("skuId") String skuId, @Param("quantity") int quantity);

	/** Gives a released flash-sale reservation back to its sale. */
	@Update("UPDATE product SET flash_stock = flash_stock + #{quantity}, frozen = frozen - #{quantity} "
			+ "WHERE sku_id = #{skuId} AND frozen >= #{quantity}")
	int unfreezeToSale(@Param("skuId") String skuId, @Param("quantity") int quantity);

	/** A paid order's reservation, booked as sold: {@code frozen -> sold}. */
	@Update("UPDATE product SET frozen = frozen - #{quantity}, sold = sold + #{quantity} "
			+ "WHERE sku_id = #{skuId} AND frozen >= #{quantity}")
	int sell(@Param("skuId") String skuId, @Param("quantity") int quantity);

	/** Admin restock; the guard keeps the INT columns from overflowing. */
	@Update("UPDATE product SET available = available + #{quantity}, restocked = restocked + #{quantity} "
			+ "WHERE sku_id = #{skuId} AND available <= 2147483647 - #{quantity} "
			+ "AND restocked <= 2147483647 - #{quantity}")
	int restock(@Param("skuId") String skuId, @Param("quantity") int quantity);

}
