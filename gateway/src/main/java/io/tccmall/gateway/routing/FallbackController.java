package io.tccmall.gateway.routing;

import io.tccmall.gateway.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a route's circuit breaker sends a call it does not let through, or one that timed
 * out.
 */
@RestController
class FallbackController {

	@RequestMapping("/fallback/{service}")
	ResponseEntity<ProblemDetail> unavailable(@PathVariable String service) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
					service + " is unavailable; try again later", null));
	}

}
