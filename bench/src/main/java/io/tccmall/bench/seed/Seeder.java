package io.tccmall.bench.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.tccmall.bench.BenchData;
import io.tccmall.bench.Tokens;

/**
 * Makes sure the bench's skus have deep stock and its users funded wallets, through the
 * gateway's admin API. Idempotent: it reads first and only creates, restocks or tops up
 * what is missing or running low, so any number of runs can share the rows.
 */
public final class Seeder {

	/** Stock of a new sku, and what a restock adds (the API's maximum per restock). */
	static final int DEEP_STOCK = 1_000_000;

	static final int LOW_STOCK = 500_000;

	static final long TOP_UP_CENTS = 100_000_000;

	static final long LOW_BALANCE_CENTS = 10_000_000;

	private final AdminApi api;

	private final Tokens tokens;

	private final String admin;

	private final AtomicInteger created = new AtomicInteger();

	private final AtomicInteger restocked = new AtomicInteger();

	private final AtomicInteger toppedUp = new AtomicInteger();

	public Seeder(String gateway, Tokens tokens) {
		this.api = new AdminApi(gateway);
		this.tokens = tokens;
		this.admin = tokens.admin();
	}

	public void seed(BenchData data) {
		long start = System.nanoTime();
		System.out.printf("seeding %d skus + %s and %d users (idempotent) ...%n", data.skus(), BenchData.HOT_SKU,
				data.users());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> work = new ArrayList<>();
			data.skuIds().forEach(sku -> work.add(pool.submit(() -> stock(sku))));
			data.userIds().forEach(user -> work.add(pool.submit(() -> wallet(user))));
			for (Future<?> future : work) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("seeding failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
		System.out.printf("seeded in %.1f s: %d skus created, %d restocked, %d wallets topped up%n",
				(System.nanoTime() - start) / 1e9, this.created.get(), this.restocked.get(), this.toppedUp.get());
	}

	private void stock(String sku) {
		AdminApi.Answer stock = this.api.get("/api/admin/products/" + sku + "/stock", this.admin);
		if (stock.status() == 404) {
			AdminApi.Answer product = this.api.post("/api/admin/products", this.admin, Map.of("skuId", sku, "name",
					"bench " + sku, "priceCents", BenchData.PRICE_CENTS, "stock", DEEP_STOCK));
			expect(product, 201, "create " + sku);
			this.created.incrementAndGet();
			return;
		}
		expect(stock, 200, "stock of " + sku);
		if (stock.number("available") < LOW_STOCK) {
			expect(this.api.post("/api/admin/products/" + sku + "/restocks", this.admin,
					Map.of("quantity", DEEP_STOCK)), 201, "restock " + sku);
			this.restocked.incrementAndGet();
		}
	}

	private void wallet(String user) {
		AdminApi.Answer wallet = this.api.get("/api/wallet", this.tokens.shopper(user));
		expect(wallet, 200, "wallet of " + user);
		if (wallet.number("balanceCents") < LOW_BALANCE_CENTS) {
			expect(this.api.post("/api/admin/wallets/" + user + "/top-ups", this.admin,
					Map.of("amountCents", TOP_UP_CENTS)), 200, "top-up of " + user);
			this.toppedUp.incrementAndGet();
		}
	}

	private static void expect(AdminApi.Answer answer, int status, String what) {
		if (answer.status() != status) {
			throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + answer.body());
		}
	}

}
