package io.tccmall.bench.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's Redis, restarted as deploy/system-tests RedisKeys does: SHUTDOWN NOSAVE,
 * then a redis-server on the same port without persistence (every key gone, every client
 * reconnects). When a supervisor (systemd) brings it back first, that one is kept.
 */
final class Redis {

	private final String host = env("TCCMALL_REDIS_HOST", "127.0.0.1");

	private final int port = Integer.parseInt(env("TCCMALL_REDIS_PORT", "6379"));

	void kill() {
		try {
			command("SHUTDOWN", "NOSAVE");
		}
		catch (IllegalStateException closedByShutdown) {
			// the server closes the connection instead of answering
		}
		waitUntil(false, 20_000);
	}

	void start() {
		if (reachable()) {
			return;
		}
		try {
			Process server = new ProcessBuilder(List.of("redis-server", "--daemonize", "yes", "--bind", this.host,
					"--port", String.valueOf(this.port), "--save", "", "--appendonly", "no"))
				.redirectErrorStream(true)
				.start();
			if (!server.waitFor(20, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start redis-server", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		waitUntil(true, 20_000);
	}

	boolean reachable() {
		try {
			return command("PING").equals("+PONG");
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private void waitUntil(boolean up, long millis) {
		long deadline = System.currentTimeMillis() + millis;
		while (reachable() != up) {
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("Redis at " + this.host + ":" + this.port + " is still "
						+ (up ? "unreachable" : "reachable") + " after " + millis + " ms");
			}
			Faults.sleep(200);
		}
	}

	/** Sends one command and returns the first line of the answer. */
	private String command(String... words) {
		StringBuilder command = new StringBuilder("*" + words.length + "\r\n");
		for (String word : words) {
			command.append('$')
				.append(word.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(word)
				.append("\r\n");
		}
		try (Socket socket = new Socket(this.host, this.port)) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			out.write(command.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
				line.append((char) c);
			}
			if (line.isEmpty()) {
				throw new IllegalStateException("Redis closed the connection");
			}
			return line.toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot reach Redis at " + this.host + ":" + this.port, ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

}
