package io.tccmall.common.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds the problem responses of every public operation to the OpenAPI document, so that
 * controllers only declare the ones that are their own ({@link ProblemResponse}): the
 * validation problems, those the gateway answers in front of every route (401, 403 on
 * admin paths, 413, 429, 503) and, on operations taking an {@code Idempotency-Key}, the
 * key's rules. Each status lists its {@code code} values as examples of the
 * {@value #PROBLEM_SCHEMA} schema.
 */
public class ProblemResponsesCustomizer implements OperationCustomizer {

	public static final String PROBLEM_SCHEMA = "Problem";

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		Map<Integer, List<String>> codes = new LinkedHashMap<>();
		for (ProblemResponse declared : AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getMethod(),
				ProblemResponse.class)) {
			add(codes, declared.status(), declared.codes());
		}
		add(codes, 400, "VALIDATION_FAILED");
		if (operation.getRequestBody() != null) {
			add(codes, 400, "MALFORMED_REQUEST");
			add(codes, 413, "PAYLOAD_TOO_LARGE");
		}
		if (idempotencyKey(operation) != null) {
			idempotencyKey(operation).description("Repeating a request with the same key (per user and operation) "
					+ "returns the first outcome instead of doing it again; the same key with another request is refused");
			add(codes, 400, "MISSING_HEADER");
			add(codes, 409, "REQUEST_IN_PROGRESS");
			add(codes, 422, "IDEMPOTENCY_KEY_REUSED");
		}
		add(codes, 401, "UNAUTHENTICATED");
		if (isAdmin(handlerMethod)) {
			add(codes, 403, "FORBIDDEN");
		}
		add(codes, 429, "RATE_LIMITED");
		add(codes, 503, "SERVICE_UNAVAILABLE");
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		codes.forEach((status, values) -> responses.addApiResponse(String.valueOf(status), problem(status, values)));
		return operation.responses(responses);
	}

	/** The gateway lets only the ADMIN role through to {@code /api/admin/**}. */
	private static boolean isAdmin(HandlerMethod handlerMethod) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(),
				RequestMapping.class);
		RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(),
				RequestMapping.class);
		List<String> paths = new ArrayList<>();
		if (type != null) {
			paths.addAll(List.of(type.path()));
		}
		if (mapping != null) {
			paths.addAll(List.of(mapping.path()));
		}
		return paths.stream().anyMatch(path -> path.startsWith("/api/admin"));
	}

	private static Parameter idempotencyKey(Operation operation) {
		if (operation.getParameters() == null) {
			return null;
		}
		return operation.getParameters()
			.stream()
			.filter(parameter -> "header".equals(parameter.getIn()) && IDEMPOTENCY_KEY.equals(parameter.getName()))
			.findFirst()
			.orElse(null);
	}

	private static void add(Map<Integer, List<String>> codes, int status, String... values) {
		List<String> list = codes.computeIfAbsent(status, key -> new ArrayList<>());
		for (String value : values) {
			if (!list.contains(value)) {
				list.add(value);
			}
		}
	}

	static ApiResponse problem(int status, List<String> codes) {
		HttpStatus httpStatus = HttpStatus.valueOf(status);
		MediaType mediaType = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
		for (String code : codes) {
			Map<String, Object> example = new LinkedHashMap<>();
			example.put("type", "https://tccmall.io/problems/" + code.toLowerCase().replace('_', '-'));
			example.put("title", httpStatus.getReasonPhrase());
			example.put("status", status);
			example.put("code", code);
			mediaType.addExamples(code, new Example().value(example));
		}
		return new ApiResponse().description(httpStatus.getReasonPhrase() + ": " + String.join(", ", codes))
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					mediaType));
	}

}
