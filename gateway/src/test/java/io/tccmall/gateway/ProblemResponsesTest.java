package io.tccmall.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest {

	@Test
	void shouldWriteTheCodeAsATopLevelMemberOfTheProblem() throws Exception {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/admin/x"));

		ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", "no").block();

		JsonNode problem = new ObjectMapper().readTree(exchange.getResponse().getBodyAsString().block());
		assertThat(problem.path("code").asText()).isEqualTo("FORBIDDEN");
		assertThat(problem.path("status").asInt()).isEqualTo(403);
		assertThat(problem.path("type").asText()).isEqualTo("https://tccmall.io/problems/forbidden");
		assertThat(problem.has("properties")).isFalse();
	}

}
