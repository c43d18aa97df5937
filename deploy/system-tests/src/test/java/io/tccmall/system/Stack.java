package io.tccmall.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The whole stack, started once per test run with {@code ./tccmall up} (real Seata TC,
 * Kafka, and the five apps as processes; MariaDB and Redis from the machine) and stopped
 * with {@code ./tccmall down} when the run ends.
 */
public final class Stack implements LauncherSessionListener {

	public static final String GATEWAY = "http://127.0.0.1:8080";

	private static final Path ROOT = Path.of(System.getProperty("tccmall.root", "../..")).toAbsolutePath().normalize();

	private static final Path RUN_DIR = Path.of(System.getProperty("tccmall.runDir", "target/stack")).toAbsolutePath();

	private static boolean started;

	private static IllegalStateException failure;

	/** Starts the stack the first time a test needs it. */
	public static synchronized void ensureUp() {
		if (failure != null) {
			throw failure;
		}
		if (started) {
			return;
		}
		try {
			// two instances of every backend service behind the client-side load
			// balancer, as in production; up
			// refuses (and says which) when a port is taken, e.g. by a developer's own
			// ./tccmall up
			Db.dropAll();
			cli(Duration.ofMinutes(12), "up", "--no-build", "--replicas", String.valueOf(REPLICAS));
		}
		catch (IllegalStateException ex) {
			// up stops what it started when it fails; every later test class fails fast
			// with the same cause
			failure = ex;
			throw ex;
		}
		started = true;
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		synchronized (Stack.class) {
			if (started) {
				cli(Duration.ofMinutes(2), "down");
			}
		}
	}

	static final int REPLICAS = 2;

	/** Stops every instance of a backend service. */
	public static void stop(String part) {
		for (String instance : instances(part)) {
			cli(Duration.ofMinutes(1), "stop", instance);
		}
	}

	/** Kills every instance of a backend service with SIGKILL: no graceful shutdown. */
	public static void kill(String part) {
		for (String instance : instances(part)) {
			cli(Duration.ofMinutes(1), "kill", instance);
		}
	}

	/** Stops or starts one part that has no replicas (kafka, seata-tc, gateway). */
	public static void single(String command, String part) {
		cli(Duration.ofMinutes(3), command, part);
	}

	public static void start(String part) {
		for (String instance : instances(part)) {
			cli(Duration.ofMinutes(4), "start", instance);
		}
	}

	private static List<String> instances(String part) {
		List<String> names = new ArrayList<>(List.of(part));
		for (int i = 2; i <= REPLICAS; i++) {
			names.add(part + "-" + i);
		}
		return names;
	}

	/**
	 * Runs {@code ./tccmall ARGS} against this test run's run directory; fails the test
	 * when it fails.
	 */
	static String cli(Duration timeout, String... args) {
		Cli result = run(timeout, args);
		if (result.exitCode() != 0) {
			throw new IllegalStateException(
					"./tccmall " + String.join(" ", args) + " failed (" + result.exitCode() + "):\n" + result.output());
		}
		return result.output();
	}

	/** Runs {@code ./tccmall ARGS} against this test run's run directory. */
	static Cli run(Duration timeout, String... args) {
		List<String> command = new ArrayList<>(List.of(ROOT.resolve("tccmall").toString()));
		command.addAll(List.of(args));
		try {
			Files.createDirectories(RUN_DIR);
			Path log = RUN_DIR.resolve("cli.log");
			if (!Files.exists(log)) {
				Files.createFile(log);
			}
			ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			Map<String, String> env = builder.environment();
			env.put("TCCMALL_RUN_DIR", RUN_DIR.toString());
			// the system tests' stack has databases of its own (tccmall_order_it, ...): a
			// developer's data stays apart
			env.put("TCCMALL_DB_SUFFIX", Db.SUFFIX);
			// a fresh run directory every build: a class cache would only be written (at
			// every stop of the chaos and restart tests, a few seconds of CPU each), never used
			env.put("TCCMALL_CLASS_CACHE", "off");
			// the tests' crowds (FlashSaleIT: 2,600 buyers) all come from 127.0.0.1: the
			// per-address buckets stand for many clients here; the per-user ones stay as
			// shipped
			env.put("SPRING_APPLICATION_JSON", """
					{"tccmall":{"gateway":{"rate-limits":{"groups":{
					  "api":{"per-ip":{"replenish-rate":5000,"burst-capacity":20000}},
					  "flash-sales":{"per-ip":{"replenish-rate":5000,"burst-capacity":20000}}}}}}}""");
			long offset = Files.size(log);
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("./tccmall " + String.join(" ", args) + " timed out");
			}
			byte[] all = Files.readAllBytes(log);
			String output = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
			System.out.print(output);
			return new Cli(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What a {@code ./tccmall} command printed (stdout and stderr) and its exit code. */
	record Cli(int exitCode, String output) {

	}

}
