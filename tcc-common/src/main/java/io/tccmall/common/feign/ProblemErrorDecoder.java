package io.tccmall.common.feign;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;

import org.springframework.http.HttpStatus;

/**
 * Turns a participant's problem response back into a typed exception. 4xx answers become
 * {@link RemoteProblemException} with the participant's code; 5xx answers mean the
 * participant could not do its part and become 503 {@code SERVICE_UNAVAILABLE}.
 */
public class ProblemErrorDecoder implements ErrorDecoder {

	private final ObjectMapper objectMapper;

	public ProblemErrorDecoder(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@Override
	public Exception decode(String methodKey, Response response) {
		HttpStatus status = HttpStatus.resolve(response.status());
		if (status == null || status.is5xxServerError()) {
			return new RemoteProblemException(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
					"A participant failed (" + methodKey + " answered " + response.status() + ")");
		}
		String code = status.name();
		String detail = status.getReasonPhrase();
		if (response.body() != null) {
			try (InputStream body = response.body().asInputStream()) {
				JsonNode problem = this.objectMapper.readTree(body);
				if (problem != null) {
					code = problem.path("code").asText(code);
					detail = problem.path("detail").asText(detail);
				}
			}
			catch (IOException ex) {
				// not a problem document: keep the status' own name
			}
		}
		return new RemoteProblemException(status, code, detail);
	}

}
