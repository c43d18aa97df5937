package io.tccmall.common.requestid;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.tccmall.common.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's {@code X-Request-Id} lands in the MDC of a real Spring MVC request and
 * travels on over a real Feign call into the next service's request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "server.port=18598", "seata.enabled=false", "spring.application.name=inner",
				"spring.cloud.openfeign.circuitbreaker.enabled=false",
				"spring.autoconfigure.exclude=org.redisson.spring.starter.RedissonAutoConfigurationV2,"
						+ "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration" })
class RequestIdPropagationTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void shouldLogTheGatewaysIdAndPassItOnToTheNextService() throws Exception {
		assertThat(get("/api/outer", "gw-1234-abcd")).isEqualTo("outer=gw-1234-abcd inner=gw-1234-abcd/gw-1234-abcd");
	}

	@Test
	void shouldGiveARequestWithoutASaneIdANewOneAndPassThatOn() throws Exception {
		String answer = get("/api/outer", "not sane; <id>");

		assertThat(answer).matches("outer=([0-9a-f-]{36}) inner=\\1/\\1");
	}

	private static String get(String path, String requestId) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18598" + path))
			.header(RequestIdFilter.HEADER, requestId)
			.header("Authorization", TestTokens.user("alice"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	@FeignClient(name = "inner", url = "http://127.0.0.1:18598")
	interface InnerClient {

		@GetMapping("/internal/inner")
		String inner();

	}

	@RestController
	static class Hops {

		private final InnerClient inner;

		Hops(InnerClient inner) {
			this.inner = inner;
		}

		@GetMapping("/api/outer")
		String outer() {
			return "outer=" + MDC.get(RequestIdFilter.MDC_KEY) + " inner=" + this.inner.inner();
		}

		/** The id the inner request got as a header, and the one its MDC held. */
		@GetMapping("/internal/inner")
		String inner(@RequestHeader(RequestIdFilter.HEADER) String header) {
			return header + "/" + MDC.get(RequestIdFilter.MDC_KEY);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	@EnableFeignClients(clients = InnerClient.class)
	static class TestApp {

		@Bean
		Hops hops(InnerClient inner) {
			return new Hops(inner);
		}

	}

}
