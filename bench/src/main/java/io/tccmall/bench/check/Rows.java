package io.tccmall.bench.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tccmall.bench.Databases;

/** Queries against the stack's databases, each answering rows as column → value maps. */
final class Rows {

	private final Databases databases;

	Rows(Databases databases) {
		this.databases = databases;
	}

	List<Map<String, Object>> query(String service, String sql, Object... args) {
		try (Connection connection = this.databases.connect(this.databases.of(service));
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
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	static long n(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return (value == null) ? 0 : ((Number) value).longValue();
	}

}
