package io.tccmall.common.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem documents every service answers with: a stable {@code code} and a
 * type URI derived from it.
 */
public final class Problems {

	public static final String TYPE_BASE = "https://tccmall.io/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
		problem.setProperty("code", code);
		return problem;
	}

}
