package io.tccmall.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * RFC 9457 problems written straight onto a reactive response, with the same shape the
 * services use.
 */
public final class ProblemResponses {

	/**
	 * Spring's mixin writes the problem's properties (e.g. {@code code}) as top-level
	 * members.
	 */
	private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class,
			ProblemDetailJacksonMixin.class);

	private ProblemResponses() {
	}

	public static ProblemDetail problem(HttpStatus status, String code, String detail, String instance) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://tccmall.io/problems/" + code.toLowerCase().replace('_', '-')));
		problem.setProperty("code", code);
		if (instance != null) {
			problem.setInstance(URI.create(instance));
		}
		return problem;
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = problem(status, code, detail, exchange.getRequest().getPath().value());
		byte[] body;
		try {
			body = JSON.writeValueAsBytes(problem);
		}
		catch (JsonProcessingException ex) {
			body = ("{\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
