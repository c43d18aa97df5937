package io.tccmall.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.tccmall.system.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A TC that loses its sessions must not strand an order (issue 20, finding 4). A place's
 * inventory Try is held on a row lock; meanwhile the TC is killed with SIGKILL and its
 * file store deleted (what an asynchronous flush or a lost disk leaves), and the Try then
 * commits its reservation, TRIED, under a global transaction nobody remembers. The TC
 * restarts empty. order-service's repair finds the branch, sees that the TC forgot its
 * transaction and that no order committed it, and has inventory roll it back through the
 * fence: the stock is free again, nothing stays TRYING and {@code ./tccmall check} is
 * clean. Before the repair existed, the stock stayed frozen for good.
 */
@Tag("chaos")
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class ForgottenTransactionsIT {

	private static final Path TC_STORE = Path.of(System.getProperty("tccmall.runDir", "target/stack"))
		.toAbsolutePath()
		.resolve("seata-tc/store");

	@BeforeAll
	static void stack() {
		Stack.ensureUp();
	}

	@Test
	void shouldRollBackTheBranchesOfAPlaceWhoseTransactionTheTcLost() {
		String sku = Shop.product("forgotten", 900, 5);
		String user = Shop.fundedUser("forgotten", 10_000);
		List<Object> triedBefore = triedBranches();
		CompletableFuture<Api.Response> place;
		try (Db.RowLock held = Db.lock("tccmall_inventory", "SELECT * FROM product WHERE sku_id = ? FOR UPDATE", sku)) {
			place = CompletableFuture.supplyAsync(() -> Shop.placeOrder(user, List.of(line(sku, 2)), null));
			await("the inventory Try waits for the row lock").atMost(Duration.ofSeconds(30))
				.until(() -> Db.number("tccmall_inventory",
						"SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'") > 0);
			Stack.single("kill", "seata-tc");
			deleteTcStore();
		}
		await("the Try commits its reservation, TRIED").atMost(Duration.ofSeconds(30))
			.until(() -> reservations(sku, "TRYING") == 1);
		Stack.single("start", "seata-tc");
		Api.Response answer = place.join();
		assertThat(answer.status()).as("a place whose TC died: %s", answer).isNotEqualTo(201);

		await("the repair rolls the forgotten branch back").atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(5))
			.untilAsserted(() -> {
				assertThat(reservations(sku, "TRYING")).as("reservations TRYING").isZero();
				assertThat(reservations(sku, "CANCELLED")).as("reservations CANCELLED").isOne();
			});
		Shop.awaitStock(sku, 5, 0, 0);
		assertThat(Db.number("tccmall_order", "SELECT COUNT(*) FROM orders WHERE user_id = ? AND status <> 'CANCELLED'",
				user))
			.as("orders of the shopper that are not cancelled")
			.isZero();
		assertThat(triedBranches()).as("inventory branches TRIED").isSubsetOf(triedBefore);
		Invariants.assertHold();
		Stack.Cli check = Stack.run(Duration.ofMinutes(2), "check");
		assertThat(check.exitCode()).as(check.output()).isZero();
	}

	private static long reservations(String sku, String status) {
		return Db.number("tccmall_inventory", "SELECT COUNT(*) FROM stock_reservation WHERE sku_id = ? AND status = ?",
				sku, status);
	}

	private static List<Object> triedBranches() {
		return Db.rows("tccmall_inventory", "SELECT xid FROM tcc_fence_log WHERE status = 1")
			.stream()
			.map(row -> row.get("xid"))
			.toList();
	}

	private static void deleteTcStore() {
		try (Stream<Path> files = Files.walk(TC_STORE)) {
			files.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(TC_STORE)).forEach(path -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
