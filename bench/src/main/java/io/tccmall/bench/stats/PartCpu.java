package io.tccmall.bench.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CPU each part of a co-located stack used while the load ran, per operation: every
 * process {@code ./tccmall up} started (its {@code parts} file), MariaDB/MySQL, Redis and
 * the bench's own JVM, from their {@code /proc/<pid>/stat} (user + system time), and how
 * busy the whole machine was ({@code /proc/stat}). A thread samples once a second; the
 * figures are taken between the samples nearest the load's first start and last end, so
 * Gatling's start-up and report writing are not counted. Linux only: elsewhere, or
 * without a parts file, there is nothing to report.
 */
public final class PartCpu implements AutoCloseable {

	private static final Path PROC = Path.of("/proc");

	// USER_HZ, the unit of /proc's times: 100 on every Linux architecture this runs on
	private static final long TICKS_PER_SECOND = 100;

	private static final Set<String> SHARED = Set.of("mariadbd", "mysqld", "redis-server");

	// the parts of an embedded MariaDB/Redis are launcher JVMs: their servers, child
	// processes, are counted under the server's name instead
	private static final Set<String> LAUNCHERS = Set.of("mariadb", "redis");

	private final Map<String, Long> pids;

	private final List<Sample> samples = new CopyOnWriteArrayList<>();

	private final Thread sampler;

	private PartCpu(Map<String, Long> pids) {
		this.pids = pids;
		this.sampler = new Thread(this::sample, "part-cpu");
		this.sampler.setDaemon(true);
	}

	/** Starts sampling, or empty when this is not Linux or no stack is known. */
	public static Optional<PartCpu> start(Path partsFile) {
		if (partsFile == null || !Files.isReadable(partsFile) || !Files.isReadable(PROC.resolve("stat"))) {
			return Optional.empty();
		}
		Map<String, Long> pids = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(partsFile)) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length >= 3 && fields[2].matches("\\d+") && !LAUNCHERS.contains(fields[0])) {
					pids.put(fields[0], Long.parseLong(fields[2]));
				}
			}
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		ProcessHandle.allProcesses().forEach(process -> {
			// the process name, not the executable: Debian's redis-server is a link to
			// redis-check-rdb
			String name = processName(process.pid());
			// embedded-redis runs redis-server-<version>-<platform>
			if (name.startsWith("redis-server")) {
				name = "redis-server";
			}
			if (SHARED.contains(name)) {
				pids.putIfAbsent(name, process.pid());
			}
		});
		pids.put("bench-client", ProcessHandle.current().pid());
		PartCpu cpu = new PartCpu(pids);
		cpu.samples.add(cpu.read());
		cpu.sampler.start();
		return Optional.of(cpu);
	}

	private void sample() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				Thread.sleep(1000);
				this.samples.add(read());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.sampler.interrupt();
		this.samples.add(read());
	}

	/**
	 * CPU milliseconds per operation of each part between the samples nearest the window,
	 * largest first, and the machine's busy milliseconds per second of it.
	 */
	public Usage usage(Timing window, long operations) {
		return usage(List.copyOf(this.samples), window.firstStartNanos(), window.lastEndNanos(), operations);
	}

	static Usage usage(List<Sample> samples, long fromNanos, long toNanos, long operations) {
		Sample first = nearest(samples, fromNanos);
		Sample last = nearest(samples, toNanos);
		double seconds = (last.nanos() - first.nanos()) / 1e9;
		if (operations <= 0 || seconds <= 0) {
			return Usage.NONE;
		}
		Map<String, Double> perPart = new LinkedHashMap<>();
		last.ticks()
			.entrySet()
			.stream()
			.filter(part -> first.ticks().containsKey(part.getKey()))
			.map(part -> Map.entry(part.getKey(), ms(part.getValue() - first.ticks().get(part.getKey()))))
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach(part -> perPart.put(part.getKey(), hundredths(part.getValue() / operations)));
		double total = perPart.values().stream().mapToDouble(Double::doubleValue).sum();
		double busy = ms(last.machineBusyTicks() - first.machineBusyTicks()) / seconds;
		return new Usage(perPart, hundredths(total), hundredths(busy), last.cores() * 1000.0);
	}

	private static Sample nearest(List<Sample> samples, long nanos) {
		Sample best = samples.get(0);
		for (Sample sample : samples) {
			if (Math.abs(sample.nanos() - nanos) < Math.abs(best.nanos() - nanos)) {
				best = sample;
			}
		}
		return best;
	}

	private static double hundredths(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private static double ms(long ticks) {
		return ticks * 1000.0 / TICKS_PER_SECOND;
	}

	private Sample read() {
		Map<String, Long> ticks = new LinkedHashMap<>();
		this.pids.forEach((name, pid) -> processTicks(pid).ifPresent(t -> ticks.put(name, t)));
		long busy = 0;
		int cores = 0;
		try {
			List<String> stat = Files.readAllLines(PROC.resolve("stat"));
			busy = machineBusyTicks(stat.get(0));
			cores = (int) stat.stream().filter(line -> line.matches("cpu\\d+ .*")).count();
		}
		catch (IOException ex) {
			// the window's figures then only lack the machine's
		}
		return new Sample(System.nanoTime(), ticks, busy, cores);
	}

	private static String processName(long pid) {
		try {
			return Files.readString(PROC.resolve(pid + "/comm")).trim();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** utime + stime of a process ({@code /proc/<pid>/stat} fields 14 and 15). */
	static Optional<Long> processTicks(long pid) {
		try {
			String stat = Files.readString(PROC.resolve(pid + "/stat"));
			// the command name (field 2) may hold spaces: count from the ')' that ends it
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty(); // the process is gone
		}
	}

	/** All time of the {@code cpu} line but idle and iowait. */
	static long machineBusyTicks(String cpuLine) {
		String[] fields = cpuLine.trim().split("\\s+");
		long all = 0;
		for (int i = 1; i < fields.length; i++) {
			all += Long.parseLong(fields[i]);
		}
		return all - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
	}

	record Sample(long nanos, Map<String, Long> ticks, long machineBusyTicks, int cores) {
	}

	/**
	 * @param msPerOperation CPU ms per operation of each part, largest first
	 * @param totalMsPerOperation their sum
	 * @param machineBusyMsPerSecond how busy the machine was (all processes)
	 * @param machineMsPerSecond what it has: 1,000 per core
	 */
	public record Usage(Map<String, Double> msPerOperation, double totalMsPerOperation, double machineBusyMsPerSecond,
			double machineMsPerSecond) {

		public static final Usage NONE = new Usage(Map.of(), 0, 0, 0);

		/**
		 * "59.4 ms: order-service 16.1, mariadbd 11.5, ... (machine busy 1962 of 2000
		 * ms/s)", or empty when nothing was measured.
		 */
		public String describe() {
			if (this.msPerOperation.isEmpty()) {
				return "";
			}
			List<String> parts = new ArrayList<>();
			this.msPerOperation.forEach((part, ms) -> parts.add(String.format(Locale.ROOT, "%s %.1f", part, ms)));
			return String.format(Locale.ROOT, "%.1f ms: %s (machine busy %.0f of %.0f ms/s)", this.totalMsPerOperation,
					String.join(", ", parts), this.machineBusyMsPerSecond, this.machineMsPerSecond);
		}

	}

}
