package io.tccmall.gateway.routing;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The services take the caller from the bearer token the gateway relays unchanged and
 * verify it themselves; no header speaks for the caller. This strips the identity headers
 * older services read ({@code X-User-Id}, {@code X-User-Roles}) so that nothing behind
 * the gateway can be misled by one, and Seata's {@code TX_XID}: no client may join or
 * steer a global transaction.
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

	static final String USER_HEADER = "X-User-Id";

	static final String ROLES_HEADER = "X-User-Roles";

	static final String XID_HEADER = "TX_XID";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
			headers.remove(USER_HEADER);
			headers.remove(ROLES_HEADER);
			headers.remove(XID_HEADER);
		}).build();
		return chain.filter(exchange.mutate().request(request).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
