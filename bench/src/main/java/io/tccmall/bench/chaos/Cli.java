package io.tccmall.bench.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tccmall} as a child process, in the caller's environment (so its
 * TCCMALL_RUN_DIR and TCCMALL_DB_SUFFIX name the same stack).
 */
final class Cli {

	record Result(int exitCode, String output) {

	}

	private static final int HEALTH_TIMEOUT_SECONDS = 300;

	private final Path script;

	Cli(Path script) {
		this.script = script;
	}

	Result run(Duration timeout, String... args) {
		List<String> command = new ArrayList<>(List.of(this.script.toString()));
		command.addAll(List.of(args));
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			// under checkout load with every other instance running, a service on 2 cores
			// takes 60-150 s to start: more than ./tccmall's default health wait of 120 s
			builder.environment().putIfAbsent("TCCMALL_HEALTH_TIMEOUT", String.valueOf(HEALTH_TIMEOUT_SECONDS));
			Process process = builder.start();
			// read while it runs: a full pipe would block the child
			byte[][] output = new byte[1][];
			Thread reader = new Thread(() -> {
				try {
					output[0] = process.getInputStream().readAllBytes();
				}
				catch (IOException ex) {
					output[0] = ex.toString().getBytes(StandardCharsets.UTF_8);
				}
			});
			reader.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				reader.join(5_000);
				return new Result(124, "./tccmall " + String.join(" ", args) + " timed out after " + timeout);
			}
			reader.join(5_000);
			return new Result(process.exitValue(),
					output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return new Result(127, "cannot run " + this.script + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(130, "interrupted");
		}
	}

}
