package io.tccmall.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The bench's own rows: users {@code bench-u00001...}, skus {@code BENCH-00001...} and
 * the hot sku {@code BENCH-HOT}. The same names every run, so seeding is idempotent and
 * the invariant check knows what to look at.
 */
public record BenchData(int users, int skus, double hotRatio) {

	public static final String USER_PREFIX = "bench-u";

	public static final String SKU_PREFIX = "BENCH-";

	public static final String HOT_SKU = SKU_PREFIX + "HOT";

	/** Every bench product costs this much: one unit per order. */
	public static final long PRICE_CENTS = 100;

	public List<String> userIds() {
		return IntStream.rangeClosed(1, this.users).mapToObj(BenchData::user).toList();
	}

	/** The skus orders pick from, the hot sku last. */
	public List<String> skuIds() {
		List<String> plain = IntStream.rangeClosed(1, this.skus).mapToObj(BenchData::sku).toList();
		return Stream.concat(plain.stream(), Stream.of(HOT_SKU)).toList();
	}

	/**
	 * The sku of the next order: the hot sku with probability hotRatio, else any other.
	 */
	public String pickSku() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (random.nextDouble() < this.hotRatio) {
			return HOT_SKU;
		}
		return sku(1 + random.nextInt(this.skus));
	}

	public static String user(int i) {
		return USER_PREFIX + String.format("%05d", i);
	}

	public static String sku(int i) {
		return SKU_PREFIX + String.format("%05d", i);
	}

}
