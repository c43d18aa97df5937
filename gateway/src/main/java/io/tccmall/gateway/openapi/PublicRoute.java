package io.tccmall.gateway.openapi;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A public route of the gateway: the service it leads to and the path patterns of its
 * {@code Path} predicate.
 *
 * @param service the load-balanced service id ({@code lb://order-service})
 * @param patterns the route's path patterns
 */
record PublicRoute(String service, List<String> patterns) {

	/**
	 * Whether the route takes a path of an OpenAPI document: its template variables
	 * ({@code /api/orders/{orderNo}}) stand for one path segment each.
	 */
	boolean routes(String openApiPath) {
		PathContainer path = PathContainer.parsePath(openApiPath.replaceAll("\\{[^/}]+}", "x"));
		return this.patterns.stream().map(PathPatternParser.defaultInstance::parse).anyMatch(p -> p.matches(path));
	}

}
