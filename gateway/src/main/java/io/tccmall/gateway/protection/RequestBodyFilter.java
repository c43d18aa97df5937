package io.tccmall.gateway.protection;

import io.tccmall.gateway.ProblemResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
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
 * Reads every request body once, before it is routed, into a byte array the gateway owns,
 * and refuses one above {@code tccmall.gateway.max-request-body} with a 413
 * {@code PAYLOAD_TOO_LARGE} problem (a declared {@code Content-Length} is checked before
 * anything is read, a chunked body as it is read), so no service sees a byte of it.
 * <p>
 * Owning the body is what makes instance failover safe for a POST. Spring Cloud Gateway's
 * Retry and CircuitBreaker filters otherwise keep the client's pooled Netty buffer for a
 * resend and free it, all references at once, when the exchange ends: an exchange that
 * ended while the buffer was still being written upstream (an early answer, a time-out)
 * handed its memory to another request (spring-cloud-gateway#3125, #3775; once in 2,000
 * flash-sale POSTs here: a 500 and another request's bytes on an upstream connection).
 * Every subscription to this body gets a fresh unpooled buffer over the same bytes.
 * Spring Cloud Gateway's {@code RequestSize} filter only checks {@code Content-Length},
 * answers an empty 413, and does not guard the gateway's own endpoints.
 */
@Component
class RequestBodyFilter implements WebFilter, Ordered {

	private final int maxBytes;

	RequestBodyFilter(@Value("${tccmall.gateway.max-request-body:64KB}") DataSize max) {
		this.maxBytes = Math.toIntExact(max.toBytes());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (headers.getContentLength() > this.maxBytes) {
			return tooLarge(exchange);
		}
		if (headers.getContentLength() <= 0 && !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(exchange.getRequest().getBody(), this.maxBytes)
			.map(RequestBodyFilter::copyAndRelease)
			.defaultIfEmpty(new byte[0])
			.flatMap(body -> chain.filter(exchange.mutate().request(withBody(exchange.getRequest(), body)).build()))
			.onErrorResume(DataBufferLimitException.class, ex -> tooLarge(exchange));
	}

	private static byte[] copyAndRelease(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(request.getHeaders());
		headers.remove(HttpHeaders.TRANSFER_ENCODING);
		headers.setContentLength(body.length);
		return new ServerHttpRequestDecorator(request) {
			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

			@Override
			public Flux<DataBuffer> getBody() {
				return (body.length == 0) ? Flux.empty()
						: Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
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
