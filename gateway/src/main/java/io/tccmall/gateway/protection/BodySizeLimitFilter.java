package io.tccmall.gateway.protection;

import java.util.Optional;
import java.util.function.Function;

import io.tccmall.gateway.ProblemResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request body above {@code tccmall.gateway.max-request-body} with a 413
 * {@code PAYLOAD_TOO_LARGE} problem. A declared {@code Content-Length} is checked before
 * anything is read; a chunked body is read (up to the limit) before it is passed on, so
 * an oversized one is refused before any service sees a byte of it. Spring Cloud
 * Gateway's {@code RequestSize} filter only checks {@code Content-Length}, answers an
 * empty 413, and does not guard the gateway's own endpoints.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

	private final int maxBytes;

	BodySizeLimitFilter(@Value("${tccmall.gateway.max-request-body:64KB}") DataSize max) {
		this.maxBytes = Math.toIntExact(max.toBytes());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (headers.getContentLength() > this.maxBytes) {
			return tooLarge(exchange);
		}
		if (headers.getContentLength() >= 0 || !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(exchange.getRequest().getBody(), this.maxBytes)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.map(body -> chain.filter(exchange.mutate().request(withBody(exchange.getRequest(), body)).build()))
			.onErrorResume(DataBufferLimitException.class, ex -> Mono.just(tooLarge(exchange)))
			.flatMap(Function.identity());
	}

	private static ServerHttpRequest withBody(ServerHttpRequest request, Optional<DataBuffer> body) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(request.getHeaders());
		headers.remove(HttpHeaders.TRANSFER_ENCODING);
		headers.setContentLength(body.map(DataBuffer::readableByteCount).orElse(0));
		return new ServerHttpRequestDecorator(request) {
			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.fromStream(body.stream());
			}
		};
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange) {
		return ProblemResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
				"The request body is larger than " + this.maxBytes + " bytes");
	}

	/** After the rate limits: a refused request's body is never read. */
	@Override
	public int getOrder() {
		return RateLimitFilter.ORDER + 1;
	}

}
