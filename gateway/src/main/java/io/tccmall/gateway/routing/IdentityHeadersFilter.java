package io.tccmall.gateway.routing;

import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Replaces whatever identity headers a client sent with the ones the validated token
 * proves, so the services can trust {@code X-User-Id} and {@code X-User-Roles}. Seata's
 * {@code TX_XID} is stripped too: no client may join or steer a global transaction.
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

	static final String USER_HEADER = "X-User-Id";

	static final String ROLES_HEADER = "X-User-Roles";

	static final String XID_HEADER = "TX_XID";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.cast(JwtAuthenticationToken.class)
			.map(token -> withIdentity(exchange, token))
			.defaultIfEmpty(withIdentity(exchange, null))
			.flatMap(chain::filter);
	}

	private static ServerWebExchange withIdentity(ServerWebExchange exchange, JwtAuthenticationToken token) {
		ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
			headers.remove(USER_HEADER);
			headers.remove(ROLES_HEADER);
			headers.remove(XID_HEADER);
			if (token != null) {
				headers.set(USER_HEADER, token.getToken().getSubject());
				headers.set(ROLES_HEADER,
						token.getAuthorities()
							.stream()
							.map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
							.collect(Collectors.joining(",")));
			}
		}).build();
		return exchange.mutate().request(request).build();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
