package io.tccmall.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's one OpenAPI document covers every public route of its configuration, and
 * nothing a client cannot call; the Swagger UI page shows it.
 */
class OpenApiIT {

	private static final Path GATEWAY_CONFIG = Path.of(System.getProperty("tccmall.root", "../.."))
		.resolve("gateway/src/main/resources/application.yml");

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldDocumentEveryPublicRouteOfTheGateway() {
		List<String> patterns = publicRoutePatterns();
		assertThat(patterns).as("routes in %s", GATEWAY_CONFIG).hasSizeGreaterThanOrEqualTo(10);

		// the gateway fetches the services' documents at start and then every 30 s
		await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
			JsonNode paths = document().path("paths");
			for (String pattern : patterns) {
				assertThat(operations(paths, pattern)).as("operations under route pattern %s", pattern).isNotEmpty();
			}
		});

		JsonNode document = document();
		List<String> paths = new ArrayList<>();
		document.path("paths").fieldNames().forEachRemaining(paths::add);
		assertThat(paths).contains("/api/auth/token");
		assertThat(paths).noneMatch(path -> path.contains("/internal")).noneMatch(path -> path.contains("actuator"));
		for (String path : paths) {
			assertThat(path.equals("/api/auth/token") || patterns.stream().anyMatch(p -> matches(p, path)))
				.as("%s is routed by the gateway", path)
				.isTrue();
		}
		assertThat(document.at("/components/securitySchemes/bearer-jwt/scheme").asText()).isEqualTo("bearer");
	}

	@Test
	void shouldDocumentTheProblemsWithTheirCodes() {
		JsonNode paths = document().path("paths");

		JsonNode conflict = paths.at("/~1api~1orders/post/responses/409/content/application~1problem+json");
		assertThat(conflict.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/Problem");
		assertThat(conflict.at("/examples/OUT_OF_STOCK/value/code").asText()).isEqualTo("OUT_OF_STOCK");
		assertThat(paths.at("/~1api~1orders/post/requestBody/content/application~1json/examples").size()).isPositive();
		assertThat(paths.at("/~1api~1auth~1token/post/responses/401/content/application~1problem+json/examples")
			.has("BAD_CREDENTIALS")).isTrue();
		assertThat(paths.at("/~1api~1admin~1products/post/responses/403/content/application~1problem+json/examples")
			.has("FORBIDDEN")).isTrue();
		paths.fields().forEachRemaining(path -> {
			for (String method : METHODS) {
				JsonNode operation = path.getValue().path(method);
				if (!operation.isMissingNode() && !path.getKey().equals("/api/auth/token")) {
					assertThat(operation.at("/responses/401/content/application~1problem+json/examples")
						.has("UNAUTHENTICATED")).as("%s %s documents 401", method, path.getKey()).isTrue();
					assertThat(operation.at("/responses/503/content/application~1problem+json/examples")
						.has("SERVICE_UNAVAILABLE")).as("%s %s documents 503", method, path.getKey()).isTrue();
				}
			}
		});
	}

	@Test
	void shouldServeTheSwaggerUiPage() throws IOException, InterruptedException {
		HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		HttpResponse<String> page = browser.send(
				HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/swagger-ui.html")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Api.Response config = Api.anonymous().get("/v3/api-docs/swagger-config");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.body().path("url").asText()).isEqualTo("/v3/api-docs");
	}

	private static JsonNode document() {
		Api.Response response = Api.anonymous().get("/v3/api-docs");
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response.body();
	}

	/**
	 * Every pattern of every route's Path predicate, as configured (not a copied list).
	 */
	@SuppressWarnings("unchecked")
	static List<String> publicRoutePatterns() {
		try {
			Map<String, Object> config = new YAMLMapper().readValue(GATEWAY_CONFIG.toFile(), Map.class);
			JsonNode routes = new YAMLMapper().valueToTree(config).at("/spring/cloud/gateway/server/webflux/routes");
			List<String> patterns = new ArrayList<>();
			for (JsonNode route : routes) {
				for (JsonNode predicate : route.path("predicates")) {
					String text = predicate.asText();
					if (text.startsWith("Path=")) {
						for (String pattern : text.substring("Path=".length()).split(",")) {
							patterns.add(pattern.trim());
						}
					}
				}
			}
			return patterns;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> operations(JsonNode paths, String pattern) {
		List<String> operations = new ArrayList<>();
		paths.fields().forEachRemaining(path -> {
			if (matches(pattern, path.getKey())) {
				METHODS.stream()
					.filter(method -> path.getValue().has(method))
					.forEach(method -> operations.add(method + " " + path.getKey()));
			}
		});
		return operations;
	}

	/**
	 * A gateway path pattern (a trailing {@code /**} takes zero or more segments) against
	 * a document path whose template variables stand for one segment.
	 */
	static boolean matches(String pattern, String documentPath) {
		String path = documentPath.replaceAll("\\{[^/}]+}", "x");
		String regex = Pattern.quote(pattern);
		if (pattern.endsWith("/**")) {
			regex = Pattern.quote(pattern.substring(0, pattern.length() - 3)) + "(/.*)?";
		}
		return path.matches(regex);
	}

}
