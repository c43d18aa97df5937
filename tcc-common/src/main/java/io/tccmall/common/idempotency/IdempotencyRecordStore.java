package io.tccmall.common.idempotency;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The {@code idempotency_record} table. Times are the database's own ({@code NOW(3)}), so
 * leases and expiry do not depend on the clocks of the service instances.
 */
class IdempotencyRecordStore {

	private static final String CLAIM = """
			INSERT INTO idempotency_record (user_id, operation, idempotency_key, request_hash, status, owner,
			  lease_until, expires_at)
			VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, NOW(3) + INTERVAL ? SECOND, NOW(3) + INTERVAL ? SECOND)""";

	private final JdbcTemplate jdbc;

	IdempotencyRecordStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	IdempotencyRecord find(IdempotentRequest request) {
		List<IdempotencyRecord> found = this.jdbc.query("""
				SELECT id, request_hash, status, owner, lease_until < NOW(3) AS lease_expired,
				       expires_at < NOW(3) AS expired, response_status, response_type, response_body
				FROM idempotency_record WHERE user_id = ? AND operation = ? AND idempotency_key = ?""",
				(rs, row) -> new IdempotencyRecord(rs.getLong("id"), rs.getString("request_hash"),
						rs.getString("status"), rs.getString("owner"), rs.getBoolean("lease_expired"),
						rs.getBoolean("expired"), rs.getInt("response_status"), rs.getString("response_type"),
						rs.getString("response_body")),
				request.userId(), request.operation(), request.key());
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * Claims the key for {@code owner}: the new record's id, or -1 when a record of the
	 * key exists already (one round trip: the driver reads the id from the insert's
	 * answer).
	 */
	long claim(IdempotentRequest request, String owner, Duration lease, Duration retention) {
		var values = new ArgumentPreparedStatementSetter(new Object[] { request.userId(), request.operation(),
				request.key(), request.fingerprint(), owner, lease.toSeconds(), retention.toSeconds() });
		KeyHolder id = new GeneratedKeyHolder();
		try {
			this.jdbc.update(connection -> {
				PreparedStatement insert = connection.prepareStatement(CLAIM, Statement.RETURN_GENERATED_KEYS);
				values.setValues(insert);
				return insert;
			}, id);
			return id.getKey().longValue();
		}
		catch (DuplicateKeyException ex) {
			return -1;
		}
	}

	/** Takes over a request whose owner died (its lease ran out) before it completed. */
	boolean takeOver(long id, String owner, Duration lease) {
		return this.jdbc.update("""
				UPDATE idempotency_record SET owner = ?, lease_until = NOW(3) + INTERVAL ? SECOND
				WHERE id = ? AND status = 'IN_PROGRESS' AND lease_until < NOW(3)""", owner, lease.toSeconds(), id) == 1;
	}

	boolean complete(long id, String owner, int status, String contentType, String body) {
		return this.jdbc.update("""
				UPDATE idempotency_record
				SET status = 'COMPLETED', response_status = ?, response_type = ?, response_body = ?
				WHERE id = ? AND status = 'IN_PROGRESS' AND owner = ?""", status, contentType, body, id, owner) == 1;
	}

	/** Gives the key back after a failure that changed nothing, so a retry runs again. */
	void release(long id, String owner) {
		this.jdbc.update("DELETE FROM idempotency_record WHERE id = ? AND status = 'IN_PROGRESS' AND owner = ?", id,
				owner);
	}

	void deleteExpired(long id) {
		this.jdbc.update("DELETE FROM idempotency_record WHERE id = ? AND expires_at < NOW(3)", id);
	}

	/** Deletes at most {@code batch} expired records; returns how many. */
	int purgeExpired(int batch) {
		return this.jdbc.update("DELETE FROM idempotency_record WHERE expires_at < NOW(3) LIMIT ?", batch);
	}

	record IdempotencyRecord(long id, String fingerprint, String status, String owner, boolean leaseExpired,
			boolean expired, int responseStatus, String responseType, String responseBody) {

		boolean completed() {
			return "COMPLETED".equals(this.status);
		}

	}

}
