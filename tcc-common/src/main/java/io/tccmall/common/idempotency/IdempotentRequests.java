package io.tccmall.common.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tccmall.common.idempotency.IdempotencyRecordStore.IdempotencyRecord;
import io.tccmall.common.lock.LockTemplate;
import io.tccmall.common.web.BusinessException;
import io.tccmall.common.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Runs a state-changing request at most once per (caller, operation, Idempotency-Key) and
 * answers every replay with the first answer, byte for byte, marked
 * {@code Idempotent-Replayed: true}.
 * <ul>
 * <li>The key is claimed by a unique index before the work starts, so two instances can
 * never both run it; the Redisson lock only lets a concurrent replay wait for the answer
 * (then 409 {@code REQUEST_IN_PROGRESS}).</li>
 * <li>Successes and business refusals (4xx) are stored; failures that changed nothing
 * (503, a bug) give the key back so a retry runs again.</li>
 * <li>A request whose instance died mid-way keeps the key until its lease runs out; then
 * a replay takes it over and runs the work again. The work itself must be idempotent for
 * that case (the business guards: unique order key, one payment per order), which it is
 * anyway, because the lock and the lease are not what keeps it correct.</li>
 * </ul>
 */
public class IdempotentRequests {

	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	// stored answers are JSON text: say its charset, or a String body would go out as
	// ISO-8859-1
	private static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

	private static final MediaType PROBLEM = new MediaType(MediaType.APPLICATION_PROBLEM_JSON, StandardCharsets.UTF_8);

	private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

	private final IdempotencyRecordStore store;

	private final LockTemplate locks;

	private final ObjectMapper json;

	private final Duration lease;

	private final Duration retention;

	private final Counter replays;

	IdempotentRequests(IdempotencyRecordStore store, LockTemplate locks, ObjectMapper json, Duration lease,
			Duration retention, MeterRegistry meters) {
		this.replays = Counter.builder("tccmall.idempotency.replays")
			.description("Requests answered from a stored first answer")
			.register(meters);
		this.store = store;
		this.locks = locks;
		this.json = json;
		this.lease = lease;
		this.retention = retention;
	}

	public ResponseEntity<Object> execute(IdempotentRequest request, Supplier<ResponseEntity<?>> work) {
		return this.locks.withLock(request.lockKey(), () -> {
			String owner = UUID.randomUUID().toString();
			long id = claim(request, owner);
			if (id < 0) {
				return replay(this.store.find(request));
			}
			ResponseEntity<Object> answer = run(id, owner, work);
			if (!this.store.complete(id, owner, answer.getStatusCode().value(), contentType(answer),
					(String) answer.getBody())) {
				log.warn("idempotency key {} of {} was taken over while its first request ran", request.key(),
						request.operation());
			}
			return withReplayed(answer, false);
		});
	}

	/**
	 * The record id this request now owns, or -1 when a completed answer is there. A new
	 * key (the common case) costs one insert; a key in use is read only after its insert
	 * failed.
	 */
	private long claim(IdempotentRequest request, String owner) {
		for (int attempt = 0; attempt < 2; attempt++) {
			long id = this.store.claim(request, owner, this.lease, this.retention);
			if (id >= 0) {
				return id;
			}
			IdempotencyRecord previous = this.store.find(request);
			if (previous == null) {
				continue; // released or purged since the insert: claim it again
			}
			if (previous.expired()) {
				this.store.deleteExpired(previous.id());
				continue;
			}
			if (!previous.fingerprint().equals(request.fingerprint())) {
				throw BusinessException.unprocessable("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key " + request.key()
						+ " was already used for a different request; use a new key for a new request");
			}
			if (previous.completed()) {
				return -1;
			}
			if (previous.leaseExpired() && this.store.takeOver(previous.id(), owner, this.lease)) {
				log.warn("taking over idempotency key {} of {}: its first request did not finish", request.key(),
						request.operation());
				return previous.id();
			}
			break;
		}
		throw inProgress();
	}

	private ResponseEntity<Object> run(long id, String owner, Supplier<ResponseEntity<?>> work) {
		try {
			ResponseEntity<?> answer = work.get();
			return ResponseEntity.status(answer.getStatusCode())
				.headers(answer.getHeaders())
				.contentType(JSON)
				.body(write(answer.getBody()));
		}
		catch (RuntimeException ex) {
			BusinessException refusal = BusinessException.refusalIn(ex);
			if (refusal == null) {
				this.store.release(id, owner);
				throw ex;
			}
			return ResponseEntity.status(refusal.status()).contentType(PROBLEM).body(write(problem(refusal)));
		}
	}

	private ResponseEntity<Object> replay(IdempotencyRecord record) {
		if (record == null || !record.completed()) {
			throw inProgress();
		}
		this.replays.increment();
		ResponseEntity<Object> answer = ResponseEntity.status(record.responseStatus())
			.contentType(MediaType.parseMediaType(record.responseType()))
			.body(record.responseBody());
		return withReplayed(answer, true);
	}

	private static ProblemDetail problem(BusinessException refusal) {
		ProblemDetail problem = Problems.of(refusal.status(), refusal.code(), refusal.getMessage());
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
			problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
		}
		return problem;
	}

	private String write(Object body) {
		try {
			return this.json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot store the answer of an idempotent request", ex);
		}
	}

	private static String contentType(ResponseEntity<?> answer) {
		MediaType type = answer.getHeaders().getContentType();
		return (type != null ? type : JSON).toString();
	}

	private static ResponseEntity<Object> withReplayed(ResponseEntity<Object> answer, boolean replayed) {
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.header(REPLAYED_HEADER, String.valueOf(replayed))
			.body(answer.getBody());
	}

	private static BusinessException inProgress() {
		return BusinessException.conflict("REQUEST_IN_PROGRESS",
				"A request with this Idempotency-Key is still running; try again shortly");
	}

}
