package io.tccmall.common.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Seata console of the test JVM's TC ({@link SeataTestServer#consoleUrl()}), read as
 * an operator would: log in, list a global transaction with its branches. Credentials:
 * {@code TCCMALL_CONSOLE_USER} / {@code TCCMALL_CONSOLE_PASSWORD}, else the local ones of
 * {@code deploy/local.env}.
 */
public final class TcConsole {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final String url;

	private final String token;

	private TcConsole(String url) {
		this.url = url;
		this.token = login();
	}

	/** Logged in to the console of the test JVM's TC. */
	public static TcConsole ofTestServer() {
		String url = SeataTestServer.consoleUrl();
		if (url == null) {
			throw new IllegalStateException("no console known for the TC (set TCCMALL_TC_CONSOLE with "
					+ SeataTestServer.ADDRESS_VARIABLE + ")");
		}
		return new TcConsole(url);
	}

	/**
	 * The global transaction as the console lists it (fields {@code xid}, {@code status},
	 * {@code branchSessionVOs} ...), or null when the TC no longer holds it (finished).
	 */
	public JsonNode globalSession(String xid) {
		JsonNode answer = get("/api/v1/console/globalSession/query?pageNum=1&pageSize=10&withBranch=true&xid="
				+ URLEncoder.encode(xid, StandardCharsets.UTF_8));
		if (!answer.path("success").asBoolean()) {
			throw new IllegalStateException("the console refused the query: " + answer);
		}
		for (JsonNode session : answer.path("data")) {
			if (xid.equals(session.path("xid").asText())) {
				return session;
			}
		}
		return null;
	}

	private String login() {
		String user = env("TCCMALL_CONSOLE_USER", "seata");
		String password = env("TCCMALL_CONSOLE_PASSWORD", "tccmall-console");
		JsonNode answer = send(HttpRequest.newBuilder(URI.create(this.url + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(JSON.createObjectNode().put("username", user).put("password", password).toString())));
		// a wrong password is HTTP 200 with code 401 in the body
		if (!"200".equals(answer.path("code").asText())) {
			throw new IllegalStateException("console login as " + user + " refused: " + answer);
		}
		return answer.path("data").asText();
	}

	private JsonNode get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.url + path)).header("Authorization", this.token).GET());
	}

	private JsonNode send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("console " + this.url + " unreachable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
