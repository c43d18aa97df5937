package io.tccmall.common.web;

import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.apache.seata.common.exception.FrameworkException;
import org.apache.seata.core.exception.TransactionException;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service answers is an RFC 9457 problem with a stable {@code code}.
 * Business refusals keep their status; a participant, the TC or Redis that is down, slow
 * or behind an open circuit is a 503 {@code SERVICE_UNAVAILABLE}.
 */
@RestControllerAdvice
public class ProblemResponseAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponseAdvice.class);

	@ExceptionHandler(BusinessException.class)
	ResponseEntity<ProblemDetail> business(BusinessException ex) {
		return respond(ex.status(), ex.code(), ex.getMessage());
	}

	@ExceptionHandler(NoFallbackAvailableException.class)
	ResponseEntity<ProblemDetail> circuitBreakerWrapped(NoFallbackAvailableException ex) {
		if (ex.getCause() instanceof BusinessException business) {
			return business(business);
		}
		return unavailable(ex.getCause() != null ? ex.getCause() : ex);
	}

	@ExceptionHandler({ CallNotPermittedException.class, TimeoutException.class, RetryableException.class,
			FeignException.class })
	ResponseEntity<ProblemDetail> unavailable(Throwable ex) {
		log.warn("participant unavailable: {}", ex.toString());
		return respond(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
				"A service needed for this request is unavailable; nothing was changed, try again later");
	}

	/**
	 * The TC or Redis out of reach (a restart, a network fault): Seata's "No available
	 * service", a begin/commit/rollback that timed out (also wrapped in an
	 * UndeclaredThrowableException by a proxy: a handler matches causes too), Redisson's
	 * connection and time-out errors. Whatever the TC does next, the client was told
	 * nothing was acknowledged; a retry with the same Idempotency-Key gets the outcome.
	 */
	@ExceptionHandler({ FrameworkException.class, TransactionException.class, RedisException.class })
	ResponseEntity<ProblemDetail> infrastructureUnavailable(Exception ex) {
		log.warn("coordinator or Redis unavailable: {}", ex.toString());
		return respond(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
				"A part of the system this request needs is unavailable; try again later with the same Idempotency-Key");
	}

	/**
	 * The database out of reach or too slow (an outage, a full pool, a failover): nothing
	 * was committed, and the client may retry.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
		log.warn("database unavailable: {}", ex.toString());
		return respond(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
				"The database is unavailable; nothing was changed, try again later with the same Idempotency-Key");
	}

	/**
	 * A deadlock or lock wait lost to a concurrent request: InnoDB rolled this one back.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> lostARace(PessimisticLockingFailureException ex) {
		return respond(HttpStatus.CONFLICT, "CONFLICT",
				"A concurrent request held what this one needed; nothing was changed, try again");
	}

	/** A constraint of a controller's parameter (a header, a path variable). */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException ex) {
		String detail = ex.getConstraintViolations()
			.stream()
			.map(v -> lastNode(v.getPropertyPath()) + " " + v.getMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return respond(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
	}

	private static String lastNode(Path path) {
		String name = "";
		for (Path.Node node : path) {
			name = node.getName();
		}
		return name;
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		return respond(HttpStatus.CONFLICT, "CONFLICT", "A concurrent request already did this");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> e.getField() + " " + e.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return cast(respond(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return cast(respond(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", ex.getMessage()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return cast(respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Field " + fieldPath(mismatch)
					+ " is not of the expected type (numbers are JSON numbers, never strings or fractions)"));
		}
		return cast(respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
				"The request body is not valid JSON of the expected shape"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return cast(respond(HttpStatus.BAD_REQUEST, "MISSING_HEADER",
					"Header " + missing.getHeaderName() + " is required"));
		}
		if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
			String code = HttpStatus.resolve(statusCode.value()) != null ? HttpStatus.resolve(statusCode.value()).name()
					: "ERROR";
			problem.setProperty("code", code);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	/** e.g. {@code items[0].quantity}. */
	private static String fieldPath(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : ex.getPath()) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String code, String detail) {
		return ResponseEntity.status(status).body(Problems.of(status, code, detail));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity) response;
	}

}
