package io.tccmall.bench.seed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few gateway calls seeding needs, each answering status and JSON body. */
final class AdminApi {

	record Answer(int status, JsonNode body) {

		long number(String field) {
			return this.body.path(field).asLong();
		}

	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gateway;

	AdminApi(String gateway) {
		this.gateway = gateway;
	}

	Answer get(String path, String token) {
		return send(request(path, token).GET().build());
	}

	/** A POST with a fresh Idempotency-Key: callers decide from what they read. */
	Answer post(String path, String token, Map<String, Object> body) {
		try {
			return send(request(path, token).header("Content-Type", "application/json")
				.header("Idempotency-Key", "bench-seed-" + UUID.randomUUID())
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	private Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
			return new Answer(response.statusCode(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
