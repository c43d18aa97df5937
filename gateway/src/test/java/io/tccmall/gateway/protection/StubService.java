package io.tccmall.gateway.protection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service behind the gateway: a real HTTP server that answers every
 * request with one status (200 unless told) and remembers what reached it.
 */
public final class StubService implements AutoCloseable {

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	public StubService() {
		this(200);
	}

	public StubService(int status) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.calls.add(new Call(exchange.getRequestURI().getPath(),
					subject(exchange.getRequestHeaders().getFirst("Authorization")),
					exchange.getRequestHeaders().getFirst("X-Request-Id"), body.length));
			byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
	}

	/**
	 * The user a request came for: the subject of the bearer token the gateway relayed
	 * (the services verify it themselves).
	 */
	private static String subject(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return null;
		}
		String[] parts = authorization.substring("Bearer ".length()).split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		Matcher subject = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]*)\"").matcher(claims);
		return subject.find() ? subject.group(1) : null;
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	long callsOf(String userId) {
		return this.calls.stream().filter(call -> userId.equals(call.userId())).count();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record Call(String path, String userId, String requestId, int bodyBytes) {
	}

}
