package io.tccmall.bench.stats;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.tccmall.bench.Databases;

/**
 * MariaDB's/MySQL's own counters of the statements ({@code Questions}) and commits
 * ({@code Com_commit}) it has run, read before and after the measured window. Divided by
 * the operations in the window they give the database work per operation of the whole
 * stack (relay polls and scans included), a figure that does not depend on how fast the
 * machine happens to be.
 */
public record ServerWork(long statements, long commits) {

	public static ServerWork read(Databases databases) throws SQLException {
		try (Connection connection = databases.connect("");
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit')")) {
			long statements = 0;
			long commits = 0;
			while (rows.next()) {
				if ("Questions".equalsIgnoreCase(rows.getString(1))) {
					statements = rows.getLong(2);
				}
				else {
					commits = rows.getLong(2);
				}
			}
			return new ServerWork(statements, commits);
		}
	}

	/** Statements and commits per operation between {@code before} and this reading. */
	public double[] perOperation(ServerWork before, long operations) {
		if (operations == 0) {
			return new double[] { 0, 0 };
		}
		return new double[] { (double) (this.statements - before.statements) / operations,
				(double) (this.commits - before.commits) / operations };
	}

}
