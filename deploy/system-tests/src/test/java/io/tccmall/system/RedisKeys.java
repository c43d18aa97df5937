package io.tccmall.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import redis.embedded.RedisServer;

import static org.awaitility.Awaitility.await;

/**
 * The Redis of the tests (the machine's, or the one the build embedded), spoken to in
 * plain RESP (the tests need no Redis client library): whether a key exists, and a
 * restart that loses every key, as a Redis without persistence does.
 */
final class RedisKeys {

	private static final String HOST = System.getenv().getOrDefault("TCCMALL_REDIS_HOST", "127.0.0.1");

	private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("TCCMALL_REDIS_PORT", "6379"));

	private RedisKeys() {
	}

	static boolean exists(String key) {
		return command("EXISTS", key).equals(":1");
	}

	/**
	 * SHUTDOWN NOSAVE, then a new Redis on the same port without persistence: every key
	 * is gone, every client has to reconnect.
	 */
	static void restart() {
		stop();
		start();
	}

	/** SHUTDOWN NOSAVE: Redis is gone until {@link #start()}. */
	static void stop() {
		try {
			command("SHUTDOWN", "NOSAVE");
		}
		catch (IllegalStateException closedByShutdown) {
			// the server closes the connection instead of answering
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> !reachable());
	}

	/**
	 * A new Redis on the port, without persistence: the machine's redis-server as a
	 * daemon, or, when the build embedded the Redis it stopped (system property
	 * {@code tccmall.infrastructure}, deploy/embedded), an embedded one in this JVM,
	 * which stops when the tests end (a machine with only a JDK has no redis-server).
	 */
	static void start() {
		if (System.getProperty("tccmall.infrastructure", "").contains("Redis embedded")) {
			startEmbedded();
		}
		else {
			startDaemon();
		}
		await().atMost(Duration.ofSeconds(20)).until(RedisKeys::reachable);
	}

	private static void startDaemon() {
		try {
			Process server = new ProcessBuilder(List.of("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1",
					"--port", String.valueOf(PORT), "--save", "", "--appendonly", "no"))
				.redirectErrorStream(true)
				.start();
			if (!server.waitFor(20, TimeUnit.SECONDS) || server.exitValue() != 0) {
				throw new IllegalStateException("redis-server did not start: "
						+ new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start redis-server", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void startEmbedded() {
		try {
			RedisServer server = RedisServer.newRedisServer()
				.port(PORT)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException ex) {
					// the JVM is ending: nothing left to tell
				}
			}, "embedded-redis-stop"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start an embedded Redis on port " + PORT, ex);
		}
	}

	private static boolean reachable() {
		try {
			return command("PING").equals("+PONG");
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/** Sends one command and returns the first line of the answer. */
	private static String command(String... words) {
		StringBuilder command = new StringBuilder("*" + words.length + "\r\n");
		for (String word : words) {
			command.append('$')
				.append(word.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(word)
				.append("\r\n");
		}
		try (Socket socket = new Socket(HOST, PORT)) {
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
			throw new IllegalStateException("cannot reach Redis at " + HOST + ":" + PORT, ex);
		}
	}

}
