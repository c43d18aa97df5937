package io.tccmall.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The MariaDB/MySQL the stack uses, from the same {@code TCCMALL_DB_*} variables as
 * {@code ./tccmall} (deploy/local.env); {@code TCCMALL_DB_SUFFIX} names a stack's own
 * databases ({@code tccmall_order_it}, ...).
 */
public record Databases(String host, String port, String user, String password, String suffix) {

	public static Databases fromEnvironment() {
		return new Databases(env("TCCMALL_DB_HOST", "127.0.0.1"), env("TCCMALL_DB_PORT", "3306"),
				env("TCCMALL_DB_USER", "root"), env("TCCMALL_DB_PASSWORD", ""), env("TCCMALL_DB_SUFFIX", ""));
	}

	/**
	 * The stack's database of a service, e.g. {@code order} → {@code tccmall_order_it}.
	 */
	public String of(String service) {
		return "tccmall_" + service + this.suffix;
	}

	/** A connection to a database by its full name ("" for none). */
	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:mysql://" + this.host + ":" + this.port + "/" + database
				+ "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC"
				+ "&forceConnectionTimeZoneToSession=true", this.user, this.password);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

}
