package io.tccmall.bench.rawsql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import io.tccmall.bench.BenchData;
import io.tccmall.bench.Databases;

/**
 * The raw-SQL bound's own database ({@code tccmall_bench_raw<suffix>}): the business
 * tables of the four services, copied with {@code CREATE TABLE ... LIKE} from the stack's
 * databases (same columns, keys, CHECKs and generated columns, no fence log), the bench's
 * skus and funded wallets. Created before the bound and dropped after it.
 */
final class ScratchDatabase implements AutoCloseable {

	private static final String[][] TABLES = { { "order", "orders" }, { "order", "order_item" },
			{ "inventory", "product" }, { "inventory", "stock_reservation" }, { "payment", "wallet" },
			{ "payment", "payment" } };

	private final Databases databases;

	private final String name;

	private ScratchDatabase(Databases databases) {
		this.databases = databases;
		this.name = "tccmall_bench_raw" + databases.suffix();
	}

	static ScratchDatabase create(Databases databases, BenchData data) throws SQLException {
		ScratchDatabase scratch = new ScratchDatabase(databases);
		scratch.build(data);
		return scratch;
	}

	String name() {
		return this.name;
	}

	private void build(BenchData data) throws SQLException {
		try (Connection connection = this.databases.connect(""); Statement statement = connection.createStatement()) {
			statement.executeUpdate("DROP DATABASE IF EXISTS " + this.name);
			statement
				.executeUpdate("CREATE DATABASE " + this.name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
			for (String[] table : TABLES) {
				statement.executeUpdate("CREATE TABLE " + this.name + "." + table[1] + " LIKE "
						+ this.databases.of(table[0]) + "." + table[1]);
			}
		}
		try (Connection connection = this.databases.connect(this.name)) {
			connection.setAutoCommit(false);
			try (PreparedStatement product = connection.prepareStatement(
					"INSERT INTO product (sku_id, name, price_cents, available, initial_stock) VALUES (?, ?, ?, ?, ?)")) {
				for (String sku : data.skuIds()) {
					product.setString(1, sku);
					product.setString(2, "bench " + sku);
					product.setLong(3, BenchData.PRICE_CENTS);
					product.setInt(4, 1_000_000_000);
					product.setInt(5, 1_000_000_000);
					product.addBatch();
				}
				product.executeBatch();
			}
			try (PreparedStatement wallet = connection
				.prepareStatement("INSERT INTO wallet (user_id, balance_cents, topped_up_cents, created_at, updated_at)"
						+ " VALUES (?, ?, ?, NOW(3), NOW(3))")) {
				for (String user : data.userIds()) {
					wallet.setString(1, user);
					wallet.setLong(2, 1_000_000_000_000L);
					wallet.setLong(3, 1_000_000_000_000L);
					wallet.addBatch();
				}
				wallet.executeBatch();
			}
			connection.commit();
		}
	}

	@Override
	public void close() throws SQLException {
		try (Connection connection = this.databases.connect(""); Statement statement = connection.createStatement()) {
			statement.executeUpdate("DROP DATABASE IF EXISTS " + this.name);
		}
	}

}
