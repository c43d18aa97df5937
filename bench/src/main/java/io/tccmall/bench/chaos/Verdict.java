package io.tccmall.bench.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tccmall.bench.BenchData;
import io.tccmall.bench.Databases;

/**
 * The invariants after the faults healed: the reconciliation ({@code ./tccmall check},
 * which includes "no open global transaction in the TC"), every order of the run PAID,
 * CANCELLED or AWAITING_PAYMENT before its deadline, and every acknowledged answer still
 * true.
 */
final class Verdict {

	private final Databases databases;

	private final Cli cli;

	private final Timestamp since;

	private String lastCheck = "";

	Verdict(Databases databases, Cli cli) {
		this.databases = databases;
		this.cli = cli;
		this.since = now();
	}

	/** Polls until nothing is violated or {@code deadlineNanos}; the last violations. */
	List<String> converge(Map<String, String> acknowledged, long deadlineNanos, Faults faults) {
		List<String> violations;
		int attempt = 0;
		while (true) {
			attempt++;
			violations = new ArrayList<>();
			Cli.Result check = this.cli.run(java.time.Duration.ofMinutes(3), "check");
			this.lastCheck = check.output().strip();
			if (check.exitCode() != 0) {
				violations.add("./tccmall check exited " + check.exitCode() + ":\n" + this.lastCheck);
			}
			violations.addAll(orders(acknowledged));
			if (violations.isEmpty() || System.nanoTime() >= deadlineNanos) {
				break;
			}
			if (attempt == 1 || attempt % 6 == 0) {
				faults.record("not converged yet (" + violations.size() + " open points, first: "
						+ violations.get(0).lines().findFirst().orElse("") + "); polling");
			}
			Faults.sleep(5_000);
		}
		faults.record((violations.isEmpty() ? "converged" : "did NOT converge") + " after " + attempt + " checks");
		return violations;
	}

	String lastCheck() {
		return this.lastCheck;
	}

	private List<String> orders(Map<String, String> acknowledged) {
		Map<String, String> status = new HashMap<>();
		List<String> violations = new ArrayList<>();
		try (Connection db = this.databases.connect(this.databases.of("order"));
				PreparedStatement query = db.prepareStatement("SELECT order_no, status, expire_at > NOW(3) FROM orders"
						+ " WHERE user_id LIKE ? AND created_at >= ?")) {
			query.setString(1, BenchData.USER_PREFIX + "%");
			query.setTimestamp(2, this.since);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					String orderNo = rows.getString(1);
					String state = rows.getString(2);
					status.put(orderNo, state);
					boolean ok = state.equals("PAID") || state.equals("CANCELLED")
							|| (state.equals("AWAITING_PAYMENT") && rows.getBoolean(3));
					if (!ok) {
						violations.add("order " + orderNo + " is " + state
								+ (state.equals("AWAITING_PAYMENT") ? " past its deadline" : ""));
					}
				}
			}
		}
		catch (SQLException ex) {
			return List.of("cannot read the orders: " + ex.getMessage());
		}
		acknowledged.forEach((orderNo, told) -> {
			String state = status.get(orderNo);
			if (state == null) {
				violations.add("acknowledged order " + orderNo + " (" + told + ") is lost");
			}
			else if (!told.equals("AWAITING_PAYMENT") && !told.equals(state)) {
				violations.add("order " + orderNo + " was acknowledged " + told + " but is " + state);
			}
		});
		return violations;
	}

	/** The database's clock, so created_at compares with it whatever the JVM's zone. */
	private Timestamp now() {
		try (Connection db = this.databases.connect(this.databases.of("order"));
				ResultSet rows = db.createStatement().executeQuery("SELECT NOW(3) - INTERVAL 1 SECOND")) {
			rows.next();
			return rows.getTimestamp(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach the order database: " + ex.getMessage(), ex);
		}
	}

}
