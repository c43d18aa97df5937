package io.tccmall.common.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Seata TC of a test JVM. {@link #address()} answers {@code TCCMALL_SEATA_TC} when it
 * is set (a TC someone else runs, left alone); otherwise it starts one TC for the whole
 * JVM through the repository's CLI ({@code ./tccmall start seata-tc}) on free ports, with
 * the run directory {@code target/seata-tc} of the module under test, and waits until it
 * accepts connections. {@link SeataTestServerListener} stops it when the JUnit launcher
 * session ends; a shutdown hook stops it if the JVM ends another way.
 * <p>
 * Tests ask for the address before their Spring context starts (Seata's client refuses to
 * start without a TC), through {@link SeataTestServerInitializer}.
 * <p>
 * System properties: {@code tccmall.root} (the repository root; default: the first folder
 * holding {@code tccmall} above the working directory), {@code tccmall.seata-tc.run-dir}
 * (default {@code target/seata-tc}), {@code tccmall.seata-tc.port} and
 * {@code tccmall.seata-tc.console-port} (default: free ports picked at random).
 */
public final class SeataTestServer {

	/** A TC to use instead of starting one, {@code host:port}. */
	public static final String ADDRESS_VARIABLE = "TCCMALL_SEATA_TC";

	private static final Duration CLI_TIMEOUT = Duration.ofSeconds(150);

	private static final int PORT_ATTEMPTS = 3;

	private static Started started;

	private static RuntimeException failure;

	private static boolean hookInstalled;

	private SeataTestServer() {
	}

	/**
	 * The TC's address ({@code host:port}), starting the JVM's TC the first time it is
	 * needed. A TC that failed to start fails every later caller with the same cause.
	 */
	public static synchronized String address() {
		String external = System.getenv(ADDRESS_VARIABLE);
		if (external != null && !external.isBlank()) {
			return external.trim();
		}
		if (failure != null) {
			throw failure;
		}
		if (started == null) {
			try {
				started = start();
			}
			catch (RuntimeException ex) {
				failure = ex;
				throw ex;
			}
		}
		return started.address();
	}

	/**
	 * The TC's console ({@code http://host:port}): the one this JVM started (starting it
	 * if needed), else {@code TCCMALL_TC_CONSOLE} next to {@code TCCMALL_SEATA_TC}, else
	 * null.
	 */
	public static synchronized String consoleUrl() {
		String external = System.getenv(ADDRESS_VARIABLE);
		if (external != null && !external.isBlank()) {
			String console = System.getenv("TCCMALL_TC_CONSOLE");
			return (console != null && !console.isBlank()) ? console.trim() : null;
		}
		address();
		return "http://127.0.0.1:" + started.consolePort();
	}

	/** Whether this JVM started a TC that is still running. */
	public static synchronized boolean isRunning() {
		return started != null;
	}

	/** Stops the TC this JVM started, if any (idempotent). */
	public static synchronized void stop() {
		if (started == null) {
			return;
		}
		Started tc = started;
		started = null;
		long began = System.nanoTime();
		String output = cli(tc.root(), tc.runDir(), tc.tcPort(), tc.consolePort(), "stop", "seata-tc");
		log("stopped the Seata TC on " + tc.address() + " in " + millisSince(began) + " ms");
		if (output.contains("error:")) {
			log(output);
		}
	}

	private static Started start() {
		long began = System.nanoTime();
		Path root = repositoryRoot();
		Path runDir = Path.of(System.getProperty("tccmall.seata-tc.run-dir", "target/seata-tc")).toAbsolutePath();
		// a TC left behind by a JVM that was killed (same run directory), then its file
		// store: recovered sessions of an earlier run would send Confirm/Cancel for
		// business keys the tests reuse
		if (recordedAsRunning(runDir)) {
			cli(root, runDir, 0, 0, "stop", "seata-tc");
		}
		deleteRecursively(runDir.resolve("seata-tc").resolve("store"));
		installShutdownHook();
		IllegalStateException last = null;
		for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
			int tcPort = Integer.getInteger("tccmall.seata-tc.port", 0);
			int consolePort = Integer.getInteger("tccmall.seata-tc.console-port", 0);
			tcPort = (tcPort > 0) ? tcPort : freePort(-1);
			consolePort = (consolePort > 0) ? consolePort : freePort(tcPort);
			try {
				Started tc = new Started(root, runDir, tcPort, consolePort);
				// the CLI returns once both ports accept connections
				cli(root, runDir, tcPort, consolePort, "start", "seata-tc");
				awaitOpen(tcPort, Duration.ofSeconds(30));
				log("started a Seata TC on " + tc.address() + " (console " + consolePort + ", run directory " + runDir
						+ ") in " + millisSince(began) + " ms");
				return tc;
			}
			catch (IllegalStateException ex) {
				last = ex;
				if (!ex.getMessage().contains("already in use")) {
					break;
				}
				// another process took a port between picking and binding it: pick again
			}
		}
		throw new IllegalStateException("could not start a Seata TC for the tests (set " + ADDRESS_VARIABLE
				+ "=host:port to use a running one)", last);
	}

	/**
	 * The CLI's record ({@code parts}: "name port pid", pid "-" once stopped) lists a TC
	 * pid.
	 */
	private static boolean recordedAsRunning(Path runDir) {
		Path parts = runDir.resolve("parts");
		if (!Files.exists(parts)) {
			return false;
		}
		try (Stream<String> lines = Files.lines(parts)) {
			return lines.map(line -> line.trim().split("\\s+"))
				.anyMatch(fields -> fields.length == 3 && fields[0].equals("seata-tc") && !fields[2].equals("-"));
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static void installShutdownHook() {
		if (!hookInstalled) {
			hookInstalled = true;
			Runtime.getRuntime().addShutdownHook(new Thread(SeataTestServer::stop, "seata-test-server-stop"));
		}
	}

	/**
	 * The folder holding {@code tccmall}: the {@code tccmall.root} system property, else
	 * the closest one above the working directory.
	 */
	static Path repositoryRoot() {
		String configured = System.getProperty("tccmall.root");
		if (configured != null && !configured.isBlank()) {
			Path root = Path.of(configured).toAbsolutePath().normalize();
			if (!Files.isRegularFile(root.resolve("tccmall"))) {
				throw new IllegalStateException("tccmall.root=" + configured + " holds no tccmall script");
			}
			return root;
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("tccmall"))) {
				return dir;
			}
		}
		throw new IllegalStateException("no folder holding the tccmall script above " + Path.of("").toAbsolutePath()
				+ " (set -Dtccmall.root or " + ADDRESS_VARIABLE + ")");
	}

	/**
	 * Runs {@code ./tccmall ARGS} on the run directory; its output goes to
	 * {@code cli.log} there. Fails when it fails.
	 */
	private static String cli(Path root, Path runDir, int tcPort, int consolePort, String... args) {
		List<String> command = new ArrayList<>(List.of(root.resolve("tccmall").toString()));
		command.addAll(List.of(args));
		try {
			Files.createDirectories(runDir);
			Path log = runDir.resolve("cli.log");
			long offset = Files.exists(log) ? Files.size(log) : 0;
			ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			Map<String, String> env = builder.environment();
			env.put("TCCMALL_RUN_DIR", runDir.toString());
			if (tcPort > 0) {
				env.put("TCCMALL_TC_PORT", String.valueOf(tcPort));
				env.put("TCCMALL_CONSOLE_PORT", String.valueOf(consolePort));
			}
			// a small TC is plenty for a test JVM's few transactions; C1 only and the
			// serial
			// collector start it faster on a busy machine (the CLI waits 90 s for it),
			// and
			// without the 3 s wait for in-flight requests it stops faster (there are
			// none)
			env.putIfAbsent("TCCMALL_TC_HEAP", "256m");
			if ("start".equals(args[0])) {
				env.putIfAbsent("JAVA_TOOL_OPTIONS",
						"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dseata.transport.shutdown.wait=0");
			}
			env.put("TCCMALL_STOP_TIMEOUT", "10");
			Process process = builder.start();
			if (!process.waitFor(CLI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("./tccmall " + String.join(" ", args) + " timed out after "
						+ CLI_TIMEOUT.toSeconds() + " s; see " + log);
			}
			byte[] all = Files.readAllBytes(log);
			int from = (int) Math.min(offset, all.length);
			String output = new String(all, from, all.length - from, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("./tccmall " + String.join(" ", args) + " failed (exit "
						+ process.exitValue() + "):\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running ./tccmall " + String.join(" ", args), ex);
		}
	}

	private static int freePort(int other) {
		for (int i = 0; i < 20; i++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				socket.setReuseAddress(true);
				int port = socket.getLocalPort();
				if (port != other) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		throw new IllegalStateException("no free port");
	}

	private static void awaitOpen(int port, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
				return;
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the Seata TC does not accept connections on port " + port, ex);
				}
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(interrupted);
				}
			}
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long millisSince(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
	}

	private static void log(String message) {
		System.out.println("[seata-test-server] " + message);
	}

	private record Started(Path root, Path runDir, int tcPort, int consolePort) {

		String address() {
			return "127.0.0.1:" + this.tcPort;
		}

	}

}
