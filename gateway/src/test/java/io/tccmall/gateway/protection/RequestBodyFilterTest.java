package io.tccmall.gateway.protection;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.core.io.buffer.PooledDataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyFilterTest {

	private static final NettyDataBufferFactory POOLED = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

	private final RequestBodyFilter filter = new RequestBodyFilter(DataSize.ofBytes(1024));

	@ParameterizedTest
	@ValueSource(strings = { HttpHeaders.CONTENT_LENGTH, HttpHeaders.TRANSFER_ENCODING })
	void shouldHandTheRouteABodyThatOutlivesTheClientsPooledBufferAndCanBeSentTwice(String framing) {
		NettyDataBuffer first = pooled("{\"items\":");
		NettyDataBuffer second = pooled("[1,2,3]}");
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/orders")
			.header(framing, HttpHeaders.CONTENT_LENGTH.equals(framing) ? "17" : "chunked")
			.body(Flux.just(first, second)));
		AtomicReference<ServerWebExchange> routed = new AtomicReference<>();

		this.filter.filter(exchange, e -> Mono.fromRunnable(() -> routed.set(e))).block();

		assertThat(first.getNativeBuffer().refCnt()).as("the client's buffers are released at once").isZero();
		assertThat(second.getNativeBuffer().refCnt()).isZero();
		assertThat(routed.get().getRequest().getHeaders().getContentLength()).isEqualTo(17);
		assertThat(routed.get().getRequest().getHeaders().containsKey(HttpHeaders.TRANSFER_ENCODING)).isFalse();
		for (int send = 0; send < 2; send++) {
			DataBuffer body = routed.get().getRequest().getBody().single().block();
			assertThat(body).isNotInstanceOf(PooledDataBuffer.class);
			assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("{\"items\":[1,2,3]}");
		}
	}

	@Test
	void shouldRefuseABodyOverTheLimitWithoutRoutingIt() {
		MockServerWebExchange declared = MockServerWebExchange
			.from(MockServerHttpRequest.post("/api/orders").contentLength(1025).body("x".repeat(1025)));
		MockServerWebExchange chunked = MockServerWebExchange.from(MockServerHttpRequest.post("/api/orders")
			.header(HttpHeaders.TRANSFER_ENCODING, "chunked")
			.body(Flux.just(pooled("x".repeat(600)), pooled("y".repeat(600)))));
		AtomicReference<ServerWebExchange> routed = new AtomicReference<>();

		this.filter.filter(declared, e -> Mono.fromRunnable(() -> routed.set(e))).block();
		this.filter.filter(chunked, e -> Mono.fromRunnable(() -> routed.set(e))).block();

		assertThat(routed.get()).isNull();
		assertThat(declared.getResponse().getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(chunked.getResponse().getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(chunked.getResponse().getBodyAsString().block()).contains("PAYLOAD_TOO_LARGE");
	}

	@Test
	void shouldPassABodilessRequestUntouched() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/products"));
		AtomicReference<ServerWebExchange> routed = new AtomicReference<>();

		this.filter.filter(exchange, e -> Mono.fromRunnable(() -> routed.set(e))).block();

		assertThat(routed.get()).isSameAs(exchange);
	}

	private static NettyDataBuffer pooled(String text) {
		NettyDataBuffer buffer = POOLED.allocateBuffer(64);
		buffer.write(text, StandardCharsets.UTF_8);
		return buffer;
	}

}
