package io.tccmall.order.flashsale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * A flash sale's admission in Redis, one Lua script per step so each is atomic: the
 * sale's terms and units left ({@code fs:{id}}), how many tickets each buyer holds
 * ({@code fs:{id}:buyers}) and the ticket of each (buyer, Idempotency-Key)
 * ({@code fs:{id}:keys}). The crowd only ever touches Redis; the database sees the
 * admitted buyers. Redis is not the source of truth: after a loss the keys are rebuilt
 * from the databases ({@link #load}), and inventory's guarded update of the sale's
 * remaining units is the final word on every unit (ADR 0009).
 */
class FlashSaleGate {

	private static final String ADMIT = """
			if redis.call('EXISTS', KEYS[1]) == 0 then return {'MISSING'} end
			local buyerKey = ARGV[1] .. ':' .. ARGV[2]
			local seen = redis.call('HGET', KEYS[3], buyerKey)
			if seen then return {'REPLAY', seen} end
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
			local sale = redis.call('HMGET', KEYS[1], 'startsMs', 'endsMs', 'limit', 'stock')
			if now < tonumber(sale[1]) then return {'NOT_STARTED'} end
			if now >= tonumber(sale[2]) then return {'ENDED'} end
			if tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') >= tonumber(sale[3]) then
			  return {'LIMIT_REACHED'}
			end
			if tonumber(sale[4]) <= 0 then return {'SOLD_OUT'} end
			redis.call('HINCRBY', KEYS[1], 'stock', -1)
			redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
			redis.call('HSET', KEYS[3], buyerKey, ARGV[3])
			return {'ADMITTED', ARGV[3]}
			""";

	/** A ticket that failed: its unit and the buyer's quota go back. */
	private static final String GIVE_BACK = """
			if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			redis.call('HINCRBY', KEYS[1], 'stock', 1)
			if tonumber(redis.call('HINCRBY', KEYS[2], ARGV[1], -1)) <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) end
			return 1
			""";

	/**
	 * An order of the sale was cancelled: its unit goes back, the buyer's quota stays
	 * used.
	 */
	private static final String UNIT_BACK = """
			if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			redis.call('HINCRBY', KEYS[1], 'stock', 1)
			return 1
			""";

	/** Loads a sale only if it is not there: ARGV = terms..., then buyers, then keys. */
	private static final String LOAD = """
			if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
			redis.call('HSET', KEYS[1], 'startsMs', ARGV[1], 'endsMs', ARGV[2], 'limit', ARGV[3], 'stock', ARGV[4])
			local buyers = tonumber(ARGV[5])
			local i = 6
			for n = 1, buyers do
			  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
			  i = i + 2
			end
			while i <= #ARGV - 2 do
			  redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
			  i = i + 2
			end
			for k = 1, 3 do redis.call('PEXPIREAT', KEYS[k], ARGV[#ARGV]) end
			return 1
			""";

	private final RScript scripts;

	FlashSaleGate(RedissonClient redisson) {
		this.scripts = redisson.getScript(StringCodec.INSTANCE);
	}

	Admission admit(String saleId, String userId, String idempotencyKey, String newTicketId) {
		List<Object> answer = this.scripts.eval(RScript.Mode.READ_WRITE, ADMIT, RScript.ReturnType.MULTI, keys(saleId),
				userId, idempotencyKey, newTicketId);
		return new Admission(Admission.Outcome.valueOf((String) answer.get(0)),
				(answer.size() > 1) ? (String) answer.get(1) : null);
	}

	void giveBack(String saleId, String userId) {
		this.scripts.eval(RScript.Mode.READ_WRITE, GIVE_BACK, RScript.ReturnType.INTEGER, keys(saleId), userId);
	}

	void unitBack(String saleId) {
		this.scripts.eval(RScript.Mode.READ_WRITE, UNIT_BACK, RScript.ReturnType.INTEGER, keys(saleId));
	}

	/**
	 * Puts a sale into Redis unless it is there; false when it was. The keys expire a day
	 * after the sale ends.
	 */
	boolean load(SaleState state) {
		List<Object> args = new ArrayList<>(List.of(String.valueOf(state.startsAt().toEpochMilli()),
				String.valueOf(state.endsAt().toEpochMilli()), String.valueOf(state.perUserLimit()),
				String.valueOf(state.unitsLeft()), String.valueOf(state.ticketsPerBuyer().size())));
		state.ticketsPerBuyer().forEach((buyer, tickets) -> {
			args.add(buyer);
			args.add(String.valueOf(tickets));
		});
		state.ticketsByKey().forEach((key, ticket) -> {
			args.add(key);
			args.add(ticket);
		});
		args.add(String.valueOf(state.endsAt().plus(Duration.ofDays(1)).toEpochMilli()));
		Long loaded = this.scripts.eval(RScript.Mode.READ_WRITE, LOAD, RScript.ReturnType.INTEGER, keys(state.saleId()),
				args.toArray());
		return loaded != null && loaded == 1;
	}

	/** Whether Redis holds the sale. */
	boolean holds(String saleId) {
		Long exists = this.scripts.eval(RScript.Mode.READ_ONLY, "return redis.call('EXISTS', KEYS[1])",
				RScript.ReturnType.INTEGER, keys(saleId));
		return exists != null && exists == 1;
	}

	/** Frees a buyer's Idempotency-Key whose ticket could not be queued. */
	void forgetKey(String saleId, String userId, String idempotencyKey) {
		this.scripts.eval(RScript.Mode.READ_WRITE, "return redis.call('HDEL', KEYS[3], ARGV[1])",
				RScript.ReturnType.INTEGER, keys(saleId), userId + ":" + idempotencyKey);
	}

	/** Forgets a sale in Redis, as a Redis restart without persistence would. */
	void forget(String saleId) {
		this.scripts.eval(RScript.Mode.READ_WRITE, "return redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])",
				RScript.ReturnType.INTEGER, keys(saleId));
	}

	private static List<Object> keys(String saleId) {
		String base = "fs:{" + saleId + "}";
		return List.of(base, base + ":buyers", base + ":keys");
	}

	record Admission(Outcome outcome, String ticketId) {

		enum Outcome {

			MISSING, REPLAY, NOT_STARTED, ENDED, LIMIT_REACHED, SOLD_OUT, ADMITTED

		}

	}

	/**
	 * What Redis must hold for a sale, computed from the databases.
	 *
	 * @param unitsLeft the sale's remaining units minus the queued tickets (they hold a
	 * unit that inventory has not given out yet)
	 * @param ticketsPerBuyer tickets that count against each buyer's limit
	 * @param ticketsByKey ticket id by "buyer:Idempotency-Key"
	 */
	record SaleState(String saleId, Instant startsAt, Instant endsAt, int perUserLimit, long unitsLeft,
			Map<String, Long> ticketsPerBuyer, Map<String, String> ticketsByKey) {
	}

}
