package io.tccmall.gateway.protection;

import reactor.netty.http.server.logging.AccessLog;
import reactor.netty.http.server.logging.AccessLogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reactor Netty's access log, one line per request with its {@code X-Request-Id} (logger
 * {@code reactor.netty.http.server.AccessLog}); the actuator's probes are left out.
 * {@code tccmall.gateway.access-log=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tccmall.gateway.access-log", havingValue = "true", matchIfMissing = true)
class AccessLogConfiguration {

	@Bean
	NettyServerCustomizer accessLogCustomizer() {
		return server -> server.accessLog(true,
				AccessLogFactory.createFilter(request -> !request.uri().toString().startsWith("/actuator"),
						request -> AccessLog.create("{} \"{} {}\" {} {} ms requestId={}", request.remoteAddress(),
								request.method(), request.uri(), request.status(), request.duration(),
								request.responseHeader(RequestIdFilter.HEADER))));
	}

}
