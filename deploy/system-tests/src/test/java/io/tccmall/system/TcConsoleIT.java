package io.tccmall.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Seata console accepts the configured login, and no global transaction stays open.
 */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
class TcConsoleIT {

	static final String CONSOLE = "http://127.0.0.1:7091";

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldLogInAndShowNoGlobalTransactionLeftOpen() {
		String token = login("seata", "tccmall-console");
		assertThat(token).isNotBlank();
		assertThat(login("seata", "wrong")).isNull();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode sessions = get("/api/v1/console/globalSession/query?pageNum=1&pageSize=50", token);
			assertThat(sessions.path("success").asBoolean()).as("%s", sessions).isTrue();
			assertThat(sessions.path("total").asInt()).as("open global sessions: %s", sessions).isZero();
		});
	}

	static String login(String user, String password) {
		JsonNode answer = send(HttpRequest.newBuilder(URI.create(CONSOLE + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")));
		// a wrong password is HTTP 200 with code 401 in the body
		return "200".equals(answer.path("code").asText()) ? answer.path("data").asText() : null;
	}

	static JsonNode get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(CONSOLE + path)).header("Authorization", token).GET());
	}

	private static JsonNode send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
			return Api.JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
