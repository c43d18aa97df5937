package io.tccmall.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read access to the services' databases, for asserting what really happened (and for
 * corrupting rows on purpose).
 */
public final class Db {

	private static final String HOST = env("TCCMALL_DB_HOST", "127.0.0.1");

	private static final String PORT = env("TCCMALL_DB_PORT", "3306");

	/**
	 * Appended to every database name: the system tests run against databases of their
	 * own.
	 */
	static final String SUFFIX = System.getProperty("tccmall.dbSuffix", "_it");

	private static final List<String> DATABASES = List.of("tccmall_order", "tccmall_inventory", "tccmall_payment",
			"tccmall_coupon");

	private Db() {
	}

	public static List<Map<String, Object>> rows(String database, String sql, Object... args) {
		try (Connection connection = connect(database);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				List<Map<String, Object>> rows = new ArrayList<>();
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int c = 1; c <= columns; c++) {
						row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
					}
					rows.add(row);
				}
				return rows;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	public static long number(String database, String sql, Object... args) {
		List<Map<String, Object>> rows = rows(database, sql, args);
		if (rows.isEmpty()) {
			return 0;
		}
		Object value = rows.get(0).values().iterator().next();
		return (value == null) ? 0 : ((Number) value).longValue();
	}

	public static int update(String database, String sql, Object... args) {
		try (Connection connection = connect(database);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/**
	 * Runs {@code sql} (e.g. a {@code SELECT ... FOR UPDATE}) in a transaction that holds
	 * its locks until the returned lock is closed.
	 */
	public static RowLock lock(String database, String sql, Object... args) {
		try {
			Connection connection = connect(database);
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < args.length; i++) {
					statement.setObject(i + 1, args[i]);
				}
				statement.executeQuery().close();
			}
			return new RowLock(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** Row locks held by an open transaction; {@link #close()} commits it. */
	public record RowLock(Connection connection) implements AutoCloseable {

		@Override
		public void close() {
			try (Connection held = this.connection) {
				held.commit();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot release the lock", ex);
			}
		}

	}

	/**
	 * Drops the system tests' databases, so every run starts from the migrations (a run
	 * of another branch may have left a schema this one does not know).
	 */
	static void dropAll() {
		try (Connection connection = connectTo(""); Statement statement = connection.createStatement()) {
			for (String database : DATABASES) {
				statement.executeUpdate("DROP DATABASE IF EXISTS " + database + SUFFIX);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot drop the system tests' databases", ex);
		}
	}

	private static Connection connect(String database) throws SQLException {
		return connectTo(database + SUFFIX);
	}

	private static Connection connectTo(String database) throws SQLException {
		return DriverManager.getConnection(
				"jdbc:mysql://" + HOST + ":" + PORT + "/" + database
						+ "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC",
				env("TCCMALL_DB_USER", "root"), env("TCCMALL_DB_PASSWORD", ""));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

}
