package io.tccmall.payment;

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
@SpringBootTest(properties = "tccmall.database=tccmall_payment_seed_test")
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
			statement.execute("DROP DATABASE IF EXISTS tccmall_payment_seed_test");
		}
	}

	@Test
	void shouldSeedDemoWalletsWhoseMoneyAddsUp() {
		assertThat(this.jdbc.queryForList(
				"SELECT CONCAT(user_id, ':', balance_cents, ':', topped_up_cents) FROM wallet ORDER BY user_id",
				String.class))
			.containsExactly("admin:0:0", "alice:1000000:1000000", "bob:1000000:1000000");
	}

	/**
	 * The database the tests use: the same variables as the services
	 * (tccmall-defaults.yml).
	 */
	private static String env(String name, String fallback) {
		return System.getenv().getOrDefault(name, fallback);
	}

}
