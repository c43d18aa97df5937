package io.tccmall.gateway.protection;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tccmall.gateway.ProblemResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Takes a request's tokens from its user's and its client address's buckets (Spring Cloud
 * Gateway's {@link RedisRateLimiter}: the token-bucket script in Redis, shared by every
 * gateway instance) and refuses it with a 429 {@code RATE_LIMITED} problem and
 * {@code Retry-After} when one is empty. A web filter rather than the
 * {@code RequestRateLimiter} route filter: that one answers an empty 429 without
 * {@code Retry-After}, takes one key per route, and cannot guard the gateway's own token
 * endpoint. It runs after Spring Security, so the caller is known. When Redis is down the
 * limiter lets requests through (and logs an error), except in a group that fails closed
 * (the token endpoint), whose requests are then refused with a 503
 * {@code SERVICE_UNAVAILABLE} problem. Every refusal counts in
 * {@code tccmall.gateway.rate.limited} by group (registered at zero at startup).
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

	/** After Spring Security's filter chain (-100). */
	static final int ORDER = 0;

	private final RedisRateLimiter limiter;

	private final String keyPrefix;

	private final RemoteAddressResolver addresses;

	private final List<Rule> rules = new ArrayList<>();

	private final Map<String, Counter> refusals = new HashMap<>();

	RateLimitFilter(RedisRateLimiter limiter, RateLimitProperties properties, MeterRegistry meters) {
		this.limiter = limiter;
		this.keyPrefix = properties.keyPrefix();
		this.addresses = (properties.trustedProxies() > 0)
				? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
				: new RemoteAddressResolver() {
				};
		properties.groups().forEach((name, group) -> {
			register(name + "/user", group.perUser());
			register(name + "/ip", group.perIp());
			this.refusals.put(name,
					Counter.builder("tccmall.gateway.rate.limited")
						.description("Requests the gateway refused with 429 RATE_LIMITED")
						.tag("group", name)
						.register(meters));
			group.paths()
				.forEach(path -> this.rules.add(new Rule(PathPatternParser.defaultInstance.parse(path), name, group)));
		});
		this.rules.sort(Comparator.comparing(Rule::pattern, PathPattern.SPECIFICITY_COMPARATOR));
	}

	private void register(String limitId, RateLimitProperties.Limit limit) {
		if (limit != null) {
			this.limiter.getConfig().put(limitId, limit.toConfig());
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Rule rule = this.rules.stream()
			.filter(r -> r.pattern().matches(exchange.getRequest().getPath().pathWithinApplication()))
			.findFirst()
			.orElse(null);
		if (rule == null) {
			return chain.filter(exchange);
		}
		return buckets(rule, exchange).concatMap(this::take)
			.takeUntil(taken -> !taken.response().isAllowed())
			.collectList()
			.flatMap(taken -> taken.isEmpty() ? chain.filter(exchange) : decide(rule, taken, exchange, chain));
	}

	/** The user's bucket (if the caller is authenticated), then the address's. */
	private Flux<Bucket> buckets(Rule rule, ServerWebExchange exchange) {
		Mono<Bucket> user = exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.cast(JwtAuthenticationToken.class)
			.filter(token -> rule.group().perUser() != null)
			.map(token -> new Bucket(rule.name() + "/user", "user:" + token.getToken().getSubject(),
					rule.group().perUser()));
		Mono<Bucket> address = Mono.justOrEmpty(rule.group().perIp())
			.map(limit -> new Bucket(rule.name() + "/ip", "ip:" + clientAddress(exchange), limit));
		return Flux.concat(user, address);
	}

	private String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress address = this.addresses.resolve(exchange);
		if (address == null) {
			return "unknown";
		}
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

	private Mono<Taken> take(Bucket bucket) {
		return this.limiter.isAllowed(bucket.limitId(), this.keyPrefix + ":" + bucket.key())
			.map(response -> new Taken(bucket, response));
	}

	private Mono<Void> decide(Rule rule, List<Taken> taken, ServerWebExchange exchange, WebFilterChain chain) {
		if (rule.group().failClosed() && taken.stream().anyMatch(Taken::limiterUnavailable)) {
			this.refusals.get(rule.name()).increment();
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
					"The rate limiter of this endpoint is unavailable, and it is never used without one; try again"
							+ " shortly");
		}
		Taken last = taken.get(taken.size() - 1);
		HttpHeaders headers = exchange.getResponse().getHeaders();
		if (last.response().isAllowed()) {
			// the first bucket is the most specific one: the user's when there is a user
			taken.get(0).response().getHeaders().forEach(headers::set);
			return chain.filter(exchange);
		}
		this.refusals.get(rule.name()).increment();
		last.response().getHeaders().forEach(headers::set);
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(last.bucket().limit().retryAfterSeconds()));
		String whose = last.bucket().key().startsWith("user:") ? "this user" : "this client address";
		return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
				"Too many requests from " + whose + "; retry after the time in Retry-After");
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private record Rule(PathPattern pattern, String name, RateLimitProperties.Group group) {
	}

	private record Bucket(String limitId, String key, RateLimitProperties.Limit limit) {
	}

	private record Taken(Bucket bucket, RateLimiter.Response response) {

		/**
		 * RedisRateLimiter answers "allowed, -1 tokens left" when it could not reach
		 * Redis.
		 */
		boolean limiterUnavailable() {
			return "-1".equals(this.response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER));
		}

	}

}
