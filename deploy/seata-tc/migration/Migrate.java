import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates or upgrades the Seata TC's db-store schema with Flyway:
 * {@code java -cp 'deploy/seata-tc/migration/target/lib/*' deploy/seata-tc/migration/Migrate.java JDBC_URL USER}
 * with the password in {@code TCCMALL_TC_DB_PASSWORD} (never on a command line). The migrations are
 * {@code db/V*__*.sql} next to this file; V1 is Seata 2.0.0's schema ({@code ../db/mysql.sql}, which compose and
 * Kubernetes apply directly).
 */
public class Migrate {

	public static void main(String[] args) {
		if (args.length != 2) {
			System.err.println("usage: Migrate JDBC_URL USER (password in TCCMALL_TC_DB_PASSWORD)");
			System.exit(2);
		}
		String password = System.getenv().getOrDefault("TCCMALL_TC_DB_PASSWORD", "");
		String dir = System.getProperty("migrations", "deploy/seata-tc/migration/db");
		Flyway flyway = Flyway.configure().dataSource(args[0], args[1], password).locations("filesystem:" + dir).load();
		MigrateResult result = flyway.migrate();
		System.out.println("TC schema at version " + flyway.info().current().getVersion() + " ("
				+ result.migrationsExecuted + " migration(s) applied now)");
	}

}
