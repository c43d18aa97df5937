package io.tccmall.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of the public API, always through the gateway, acting with one bearer token.
 */
public final class Api {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String token;

	private Api(String token) {
		this.token = token;
	}

	public static Api as(String userId) {
		return new Api(Tokens.shopper(userId));
	}

	public static Api admin() {
		return new Api(Tokens.admin());
	}

	public static Api anonymous() {
		return new Api(null);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, Object body) {
		return post(path, body, null);
	}

	/** POST with an Idempotency-Key (a fresh one when {@code key} is "new"). */
	public Response post(String path, Object body, String idempotencyKey) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key",
					"new".equals(idempotencyKey) ? UUID.randomUUID().toString() : idempotencyKey);
		}
		return send(request);
	}

	public Response postWithHeader(String path, Object body, String header, String value) {
		return send(request(path).header("Content-Type", "application/json")
			.header(header, value)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(write(body))));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + path))
			.timeout(Duration.ofSeconds(60));
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			boolean json = response.headers()
				.firstValue("Content-Type")
				.map(type -> type.contains("json"))
				.orElse(true);
			JsonNode body = response.body().isBlank() || !json ? JSON.nullNode() : JSON.readTree(response.body());
			return new Response(response.statusCode(), body, response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String write(Object body) {
		try {
			return JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, JsonNode body, HttpResponse<String> raw) {

		public String code() {
			return this.body.path("code").asText(null);
		}

		public String text(String field) {
			return this.body.path(field).asText(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
