package io.tccmall.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Deletes keys in the machine's Redis with one RESP command, as a Redis restart without
 * persistence would lose them (the tests need no Redis client library for that).
 */
final class RedisKeys {

	private RedisKeys() {
	}

	static void delete(String... keys) {
		StringBuilder command = new StringBuilder("*" + (keys.length + 1) + "\r\n$3\r\nDEL\r\n");
		for (String key : keys) {
			command.append('$')
				.append(key.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(key)
				.append("\r\n");
		}
		String host = System.getenv().getOrDefault("TCCMALL_REDIS_HOST", "127.0.0.1");
		int port = Integer.parseInt(System.getenv().getOrDefault("TCCMALL_REDIS_PORT", "6379"));
		try (Socket socket = new Socket(host, port)) {
			OutputStream out = socket.getOutputStream();
			out.write(command.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			int first = in.read();
			if (first != ':') {
				throw new IllegalStateException("Redis refused DEL: " + (char) first);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot reach Redis at " + host + ":" + port, ex);
		}
	}

}
