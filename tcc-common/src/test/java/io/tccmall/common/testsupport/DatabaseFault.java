package io.tccmall.common.testsupport;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fault injected into the real database rather than into a mock: a
 * {@code BEFORE UPDATE} trigger on a table raises {@code SQLSTATE 45000} ("injected fault
 * NAME") for the rows matching a condition, the first {@code times} updates or until
 * {@link #remove()}. The statement fails like a real database error would, so whatever
 * transaction issued it (a Confirm or Cancel with Seata's fence row) rolls back whole.
 * <p>
 * The count of injected failures lives in {@code test_fault}, a MyISAM table: MyISAM is
 * not transactional, so the failed transaction's rollback does not undo the count (an
 * InnoDB counter would be rolled back with it and the fault would fire forever).
 *
 * <pre>
 * try (DatabaseFault fault = DatabaseFault.failUpdates(jdbc, "hold_b", "stock_reservation",
 * 		"OLD.status = 'TRYING' AND NEW.status = 'HELD' AND NEW.sku_id = 'SKU-B'", 3)) {
 * 	...
 * 	assertThat(fault.injected()).isEqualTo(3);
 * }
 * </pre>
 */
public final class DatabaseFault implements AutoCloseable {

	/** The faults' counters, one row per fault. */
	public static final String COUNTER_TABLE = "test_fault";

	private static final String TRIGGER_PREFIX = "tccmall_fault_";

	private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,40}");

	private final JdbcTemplate jdbc;

	private final String name;

	private DatabaseFault(JdbcTemplate jdbc, String name) {
		this.jdbc = jdbc;
		this.name = name;
	}

	/**
	 * Fails the first {@code times} updates of {@code table} whose rows match
	 * {@code condition} (SQL over {@code OLD.*} and {@code NEW.*}); every later one
	 * passes.
	 */
	public static DatabaseFault failUpdates(JdbcTemplate jdbc, String name, String table, String condition, int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, was " + times);
		}
		return install(jdbc, name, table, condition, times);
	}

	/**
	 * Fails every update of {@code table} whose rows match {@code condition} until
	 * {@link #remove()}: a permanent fault, such as a row no code path can handle.
	 */
	public static DatabaseFault failUpdatesUntilRemoved(JdbcTemplate jdbc, String name, String table,
			String condition) {
		return install(jdbc, name, table, condition, -1);
	}

	private static DatabaseFault install(JdbcTemplate jdbc, String name, String table, String condition, int times) {
		if (!NAME.matcher(name).matches() || !NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("fault and table names are [a-z0-9_]{1,40}: " + name + ", " + table);
		}
		jdbc.execute("CREATE TABLE IF NOT EXISTS " + COUNTER_TABLE + " (name VARCHAR(64) PRIMARY KEY, "
				+ "remaining INT NOT NULL, injected INT NOT NULL DEFAULT 0) ENGINE = MyISAM");
		DatabaseFault fault = new DatabaseFault(jdbc, name);
		fault.remove();
		jdbc.update("DELETE FROM " + COUNTER_TABLE + " WHERE name = ?", name);
		jdbc.update("INSERT INTO " + COUNTER_TABLE + " (name, remaining) VALUES (?, ?)", name, times);
		// remaining -1 never reaches 0: a fault until removed
		jdbc.execute("CREATE TRIGGER " + TRIGGER_PREFIX + name + " BEFORE UPDATE ON " + table + " FOR EACH ROW\n"
				+ "BEGIN\n" + "  IF (" + condition + ") AND (SELECT remaining <> 0 FROM " + COUNTER_TABLE
				+ " WHERE name = '" + name + "') THEN\n" + "    UPDATE " + COUNTER_TABLE
				+ " SET remaining = IF(remaining > 0, remaining - 1, remaining), injected = injected + 1"
				+ " WHERE name = '" + name + "';\n" + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected fault "
				+ name + "';\n" + "  END IF;\n" + "END");
		return fault;
	}

	/** How many updates the fault has failed so far. */
	public int injected() {
		List<Integer> counts = this.jdbc.queryForList("SELECT injected FROM " + COUNTER_TABLE + " WHERE name = ?",
				Integer.class, this.name);
		return counts.isEmpty() ? 0 : counts.get(0);
	}

	/** Removes the trigger: the cause is fixed (idempotent). The count stays readable. */
	public void remove() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS " + TRIGGER_PREFIX + this.name);
	}

	/**
	 * Removes every fault trigger of the current database (a test that failed half way
	 * must not leave one behind for the next) and their counters.
	 */
	public static void removeAll(JdbcTemplate jdbc) {
		for (String trigger : jdbc.queryForList(
				"SELECT trigger_name FROM information_schema.triggers "
						+ "WHERE trigger_schema = DATABASE() AND trigger_name LIKE ?",
				String.class, TRIGGER_PREFIX + "%")) {
			jdbc.execute("DROP TRIGGER IF EXISTS " + trigger);
		}
		jdbc.execute("DROP TABLE IF EXISTS " + COUNTER_TABLE);
	}

	@Override
	public void close() {
		remove();
	}

}
