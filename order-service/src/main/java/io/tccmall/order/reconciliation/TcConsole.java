package io.tccmall.order.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The Seata TC's console API: logs in with the configured account
 * ({@code POST /api/v1/auth/login}, the token is the answer's {@code data}) and lists the
 * global transactions the TC holds ({@code GET /api/v1/console/globalSession/query}).
 */
@Component
public class TcConsole {

	private static final int PAGE_SIZE = 100;

	private static final int MAX_PAGES = 10;

	private static final Map<Integer, String> STATUSES = Map.ofEntries(Map.entry(1, "Begin"),
			Map.entry(2, "Committing"), Map.entry(3, "CommitRetrying"), Map.entry(4, "Rollbacking"),
			Map.entry(5, "RollbackRetrying"), Map.entry(6, "TimeoutRollbacking"),
			Map.entry(7, "TimeoutRollbackRetrying"), Map.entry(8, "AsyncCommitting"), Map.entry(9, "Committed"),
			Map.entry(10, "CommitFailed"), Map.entry(11, "Rollbacked"), Map.entry(12, "RollbackFailed"),
			Map.entry(13, "TimeoutRollbacked"), Map.entry(14, "TimeoutRollbackFailed"), Map.entry(15, "Finished"),
			Map.entry(16, "CommitRetryTimeout"), Map.entry(17, "RollbackRetryTimeout"));

	private final ReconciliationProperties.Console settings;

	private final RestClient http;

	TcConsole(ReconciliationProperties properties) {
		this.settings = properties.console();
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(this.settings.timeout());
		requests.setReadTimeout(this.settings.timeout());
		this.http = RestClient.builder().baseUrl(this.settings.url()).requestFactory(requests).build();
	}

	public List<GlobalSession> openSessions() {
		if (this.settings.password() == null || this.settings.password().isEmpty()) {
			throw new Unavailable("no Seata console password configured (TCCMALL_CONSOLE_PASSWORD)");
		}
		try {
			String token = login();
			List<GlobalSession> sessions = new ArrayList<>();
			for (int page = 1; page <= MAX_PAGES; page++) {
				JsonNode answer = this.http.get()
					.uri("/api/v1/console/globalSession/query?pageNum={page}&pageSize={size}", page, PAGE_SIZE)
					.header("Authorization", token)
					.retrieve()
					.body(JsonNode.class);
				if (answer == null || !answer.path("success").asBoolean()) {
					throw new Unavailable(
							"the Seata console at " + this.settings.url() + " refused the query: " + answer);
				}
				answer.path("data").forEach(s -> sessions.add(session(s)));
				if (page * PAGE_SIZE >= answer.path("total").asInt()) {
					break;
				}
			}
			return sessions;
		}
		catch (RestClientException ex) {
			throw new Unavailable(
					"the Seata console at " + this.settings.url() + " cannot be reached: " + ex.getMessage());
		}
	}

	private String login() {
		JsonNode answer = this.http.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", this.settings.username(), "password", this.settings.password()))
			.retrieve()
			.body(JsonNode.class);
		// a wrong password is HTTP 200 with "code":"401"
		if (answer == null || !"200".equals(answer.path("code").asText())) {
			throw new Unavailable("the Seata console at " + this.settings.url() + " refused the login of "
					+ this.settings.username() + ": " + answer);
		}
		return answer.path("data").asText();
	}

	private static GlobalSession session(JsonNode node) {
		int status = node.path("status").asInt();
		return new GlobalSession(node.path("xid").asText(), status, STATUSES.getOrDefault(status, "?" + status),
				node.path("applicationId").asText(), node.path("transactionName").asText(),
				node.path("beginTime").asLong());
	}

	public record GlobalSession(String xid, int status, String statusName, String applicationId, String transactionName,
			long beginTime) {

	}

	/** The console could not be asked: the check's outcome is unknown. */
	public static class Unavailable extends RuntimeException {

		public Unavailable(String message) {
			super(message);
		}

	}

}
