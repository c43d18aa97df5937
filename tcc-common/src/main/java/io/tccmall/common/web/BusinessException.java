package io.tccmall.common.web;

import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Rendered as an RFC 9457 problem with a stable {@code code};
 * thrown inside a local transaction it also rolls that transaction back, so a rejected
 * request changes nothing.
 */
public class BusinessException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	public BusinessException(HttpStatus status, String code, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	/**
	 * A business refusal (4xx) anywhere in the cause chain (circuit breakers and the TM
	 * wrap them), or null.
	 */
	public static BusinessException refusalIn(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BusinessException business && business.status().is4xxClientError()) {
				return business;
			}
		}
		return null;
	}

	public static BusinessException notFound(String code, String detail) {
		return new BusinessException(HttpStatus.NOT_FOUND, code, detail);
	}

	public static BusinessException conflict(String code, String detail) {
		return new BusinessException(HttpStatus.CONFLICT, code, detail);
	}

	public static BusinessException unprocessable(String code, String detail) {
		return new BusinessException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
	}

	public static BusinessException badRequest(String code, String detail) {
		return new BusinessException(HttpStatus.BAD_REQUEST, code, detail);
	}

}
