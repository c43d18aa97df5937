package io.tccmall.gateway.protection;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the client's when it looks sane, else a
 * new UUID. The services get it (and log it), the client gets it back on every answer,
 * refusals of the gateway included, and the gateway's access log names it.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

	public static final String HEADER = "X-Request-Id";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9-]{1,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = requestId(exchange.getRequest().getHeaders().getFirst(HEADER));
		ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
		exchange.getResponse().getHeaders().set(HEADER, id);
		return chain.filter(exchange.mutate().request(request).build());
	}

	static String requestId(String offered) {
		return (offered != null && SANE.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

	/** First of all, so that even Spring Security's refusals carry the id. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
