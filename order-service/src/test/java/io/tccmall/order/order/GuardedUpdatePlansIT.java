package io.tccmall.order.order;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.tccmall.order.SeataTcTest;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans MariaDB picks for the order's guarded status updates, on a table where the
 * guarded status is rare (the normal case: most orders are PAID or CANCELLED). Each must
 * go by the primary key: a range scan of {@code idx_orders_status_expire} locks other
 * orders' index entries on the way, and two Confirms of different orders deadlocked that
 * way under the bench.
 */
@SeataTcTest
class GuardedUpdatePlansIT {

	private static final String PREFIX = "PLAN-";

	@Autowired
	SqlSessionFactory sessions;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void mostOrdersFinal() {
		removeOrders();
		this.jdbc.batchUpdate("""
				INSERT INTO orders (order_no, user_id, status, total_cents, discount_cents, payable_cents,
				                    idempotency_key, request_hash, expire_at)
				VALUES (?, 'plan-user', ?, 100, 0, 100, ?, REPEAT('0', 64), UTC_TIMESTAMP(3) + INTERVAL 15 MINUTE)""",
				IntStream.range(0, 400)
					.mapToObj(i -> new Object[] { PREFIX + i, (i < 2) ? "TRYING" : "PAID", PREFIX + "key-" + i })
					.toList());
		this.jdbc.execute("ANALYZE TABLE orders");
	}

	@AfterEach
	void removeOrders() {
		this.jdbc.update("DELETE FROM orders WHERE order_no LIKE ?", PREFIX + "%");
	}

	@Test
	void shouldUpdateEveryOrderByItsPrimaryKey() {
		List<Method> guarded = Arrays.stream(OrderMapper.class.getDeclaredMethods())
			.filter(m -> m.isAnnotationPresent(Update.class))
			.toList();
		assertThat(guarded).hasSizeGreaterThanOrEqualTo(7);

		for (Method method : guarded) {
			String sql = this.sessions.getConfiguration()
				.getMappedStatement(OrderMapper.class.getName() + "." + method.getName())
				.getBoundSql(null)
				.getSql()
				.replace("?", "'" + PREFIX + "0'");
			List<Map<String, Object>> plan = this.jdbc.queryForList("EXPLAIN " + sql);
			assertThat(plan).as("%s: %s", method.getName(), sql)
				.singleElement()
				.satisfies(row -> assertThat(row.get("key")).as("%s: %s", method.getName(), plan).isEqualTo("PRIMARY"));
		}
	}

}
