package io.tccmall.inventory;

import io.tccmall.inventory.product.ProductMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations and the guarded stock update on a real MySQL 8 (MariaDB, external or
 * embedded, covers every other test), on Testcontainers: the container's address reaches
 * the datasource through {@link ServiceConnection}. Needs a Docker engine: without one it
 * is reported as skipped, never as passed.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@ActiveProfiles("test")
class MySql8CompatibilityIT {

	@Container
	@ServiceConnection
	static final MySQLContainer<?> MYSQL = new MySQLContainer<>("mysql:8.4").withDatabaseName("tccmall_inventory");

	@BeforeAll
	static void sayWhichInfrastructure() {
		// the test report's system-out: this class ran on Testcontainers, not on the
		// build's MariaDB
		System.out.println("[tccmall] test infrastructure of MySql8CompatibilityIT: testcontainers "
				+ MYSQL.getDockerImageName() + " at " + MYSQL.getJdbcUrl());
	}

	@Autowired
	ProductMapper products;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldMigrateAndNeverFreezeMoreThanIsAvailableOnMySql8() {
		this.jdbc.update("INSERT INTO product (sku_id, name, price_cents, available, initial_stock)"
				+ " VALUES ('MYSQL-1', 'Probe', 100, 5, 5)");

		assertThat(this.products.freeze("MYSQL-1", 3)).isEqualTo(1);
		assertThat(this.products.freeze("MYSQL-1", 3)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT available FROM product WHERE sku_id = 'MYSQL-1'", Integer.class))
			.isEqualTo(2);
	}

}
