package io.tccmall.coupon;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Profile {@code local} adds the demo seed to the migrations. */
@SpringBootTest(properties = "tccmall.database=tccmall_coupon_seed_test")
@ActiveProfiles({ "test", "local" })
class SeedMigrationIT {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void freshDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection(
				"jdbc:mysql://" + env("TCCMALL_DB_HOST", "127.0.0.1") + ":" + env("TCCMALL_DB_PORT", "3306") + "/",
				env("TCCMALL_DB_USER", "root"), env("TCCMALL_DB_PASSWORD", ""));
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS tccmall_coupon_seed_test");
		}
	}

	@Test
	void shouldSeedTheTwoDemoTemplatesWithFixedIds() {
		assertThat(this.jdbc.queryForList("""
				SELECT CONCAT_WS('|', id, name, discount_cents, min_spend_cents, total_count, claimed_count,
				                 per_user_limit, DATE(valid_from), DATE(valid_until))
				FROM coupon_template ORDER BY id""", String.class)).containsExactly(
				"1|5 off 50|500|5000|1000|0|3|2026-01-01|2030-12-31",
				"2|20 off 200|2000|20000|100|0|1|2026-01-01|2030-12-31");
	}

	/**
	 * The database the tests use: the same variables as the services
	 * (tccmall-defaults.yml).
	 */
	private static String env(String name, String fallback) {
		return System.getenv().getOrDefault(name, fallback);
	}

}
