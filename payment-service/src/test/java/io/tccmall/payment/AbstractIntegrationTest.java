package io.tccmall.payment;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests against the real MariaDB (database {@code tccmall_payment_test},
 * rebuilt from the migrations when the context starts) with Seata disabled: TCC methods
 * are called directly with a hand-made action context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.flyway.clean-disabled=false")
@Import(AbstractIntegrationTest.CleanMigration.class)
public abstract class AbstractIntegrationTest {

	@Autowired
	protected JdbcTemplate jdbc;

	protected void cleanTables() {
		for (String table : List.of("payment", "wallet", "top_up", "tcc_fence_log", "outbox_event")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	protected void givenWallet(String userId, long balanceCents) {
		this.jdbc.update("""
				INSERT INTO wallet (user_id, balance_cents, frozen_cents, paid_cents, refunded_cents, topped_up_cents,
				                    created_at, updated_at)
				VALUES (?, ?, 0, 0, 0, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""", userId, balanceCents, balanceCents);
	}

	/** balance, frozen, paid of a wallet. */
	protected long[] money(String userId) {
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT balance_cents, frozen_cents, paid_cents FROM wallet WHERE user_id = ?", userId);
		return new long[] { ((Number) row.get("balance_cents")).longValue(),
				((Number) row.get("frozen_cents")).longValue(), ((Number) row.get("paid_cents")).longValue() };
	}

	/**
	 * balance + frozen + paid - refunded == topped up, for every wallet, none negative.
	 */
	protected void assertMoneyInvariant() {
		Integer broken = this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM wallet
				WHERE balance_cents + frozen_cents + paid_cents - refunded_cents <> topped_up_cents
				   OR balance_cents < 0 OR frozen_cents < 0 OR paid_cents < 0 OR refunded_cents < 0""", Integer.class);
		assertThat(broken).as("wallets breaking the money invariant").isZero();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CleanMigration {

		@Bean
		FlywayMigrationStrategy cleanThenMigrate() {
			return flyway -> {
				flyway.clean();
				flyway.migrate();
			};
		}

	}

}
