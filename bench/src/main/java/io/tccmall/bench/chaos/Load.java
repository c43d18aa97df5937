package io.tccmall.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tccmall.bench.BenchData;
import io.tccmall.bench.Tokens;

/**
 * Concurrent checkouts through the gateway: place an order of one unit, then pay it (4 in
 * 5) or cancel it. Every answer the client acknowledged (201 placed, 200 PAID, 200
 * CANCELLED) is remembered, so nothing acknowledged can get lost unnoticed.
 */
final class Load {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gateway;

	private final BenchData data;

	private final long seed;

	private final int concurrency;

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private final Tokens minter;

	/**
	 * orderNo → the last state the client was told: AWAITING_PAYMENT, PAID or CANCELLED.
	 */
	private final ConcurrentMap<String, String> acknowledged = new ConcurrentHashMap<>();

	/** "place 503", "pay 200", ...: every answer by step and status (0: no answer). */
	private final ConcurrentMap<String, LongAdder> answers = new ConcurrentHashMap<>();

	final AtomicLong attempted = new AtomicLong();

	final AtomicLong completed = new AtomicLong();

	final AtomicLong failed = new AtomicLong();

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	Load(String gateway, BenchData data, Tokens minter, long seed, int concurrency) {
		this.gateway = gateway;
		this.data = data;
		this.minter = minter;
		this.seed = seed;
		this.concurrency = concurrency;
	}

	void start() {
		this.running = true;
		for (int i = 0; i < this.concurrency; i++) {
			Random random = new Random(this.seed * 31 + i);
			Thread worker = new Thread(() -> work(random), "chaos-shopper-" + i);
			worker.setDaemon(true);
			this.workers.add(worker);
			worker.start();
		}
	}

	void stop() throws InterruptedException {
		this.running = false;
		for (Thread worker : this.workers) {
			worker.join(60_000);
		}
	}

	Map<String, String> acknowledged() {
		return Map.copyOf(this.acknowledged);
	}

	long acknowledgedRequests() {
		return this.answers.entrySet()
			.stream()
			.filter(e -> e.getKey().equals("place 201") || e.getKey().equals("pay 200")
					|| e.getKey().equals("cancel 200"))
			.mapToLong(e -> e.getValue().sum())
			.sum();
	}

	String answers() {
		return new java.util.TreeMap<>(this.answers).toString();
	}

	private void work(Random random) {
		List<String> users = this.data.userIds();
		while (this.running) {
			String user = users.get(random.nextInt(users.size()));
			String token = this.tokens.computeIfAbsent(user, this.minter::shopper);
			this.attempted.incrementAndGet();
			if (checkout(token, random.nextInt(5) < 4)) {
				this.completed.incrementAndGet();
			}
			else {
				this.failed.incrementAndGet();
				Faults.sleep(500);
			}
			Faults.sleep(100);
		}
	}

	private boolean checkout(String token, boolean pay) {
		Answer placed = post("place", token, "/api/orders",
				"{\"items\":[{\"skuId\":\"" + this.data.pickSku() + "\",\"quantity\":1}]}");
		String orderNo = placed.body().path("orderNo").asText("");
		if (placed.status() != 201 || orderNo.isEmpty()) {
			return false;
		}
		this.acknowledged.put(orderNo, "AWAITING_PAYMENT");
		String step = pay ? "pay" : "cancel";
		String expected = pay ? "PAID" : "CANCELLED";
		Answer second = post(step, token, "/api/orders/" + orderNo + (pay ? "/payment" : "/cancellation"), "{}");
		if (second.status() != 200 || !expected.equals(second.body().path("status").asText())) {
			return false;
		}
		this.acknowledged.put(orderNo, expected);
		return true;
	}

	private record Answer(int status, JsonNode body) {

	}

	private Answer post(String step, String token, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Idempotency-Key", "chaos-" + UUID.randomUUID())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		Answer answer;
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode json;
			try {
				json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
			}
			catch (IOException notJson) {
				json = JSON.createObjectNode();
			}
			answer = new Answer(response.statusCode(), json);
		}
		catch (IOException ex) {
			answer = new Answer(0, JSON.createObjectNode());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer = new Answer(0, JSON.createObjectNode());
		}
		this.answers.computeIfAbsent(step + " " + answer.status(), k -> new LongAdder()).increment();
		return answer;
	}

}
