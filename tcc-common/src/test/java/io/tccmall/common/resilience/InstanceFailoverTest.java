package io.tccmall.common.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import feign.RetryableException;
import io.tccmall.common.feign.RemoteProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Instance failover of the load-balanced Feign clients with tccmall-defaults.yml: of two
 * instances, one refuses connections (stopped or killed) and one is this application. A
 * call the dead instance refused goes to the live one, whatever its method; a call that
 * reached a server (an error answer, a read time-out) is never sent a second time, since
 * a participant may already have acted on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "server.port=18597", "seata.enabled=false", "spring.application.name=twin",
				"spring.cloud.openfeign.client.config.twin.read-timeout=700",
				"spring.autoconfigure.exclude=org.redisson.spring.starter.RedissonAutoConfigurationV2,"
						+ "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration" })
class InstanceFailoverTest {

	@Autowired
	TwinClient twin;

	@Autowired
	Twin server;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) throws IOException {
		int deadPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		registry.add("spring.cloud.discovery.client.simple.instances.twin[0].uri",
				() -> "http://127.0.0.1:" + deadPort);
		registry.add("spring.cloud.discovery.client.simple.instances.twin[1].uri", () -> "http://127.0.0.1:18597");
	}

	@BeforeEach
	void reset() {
		this.server.calls.set(0);
	}

	@Test
	void shouldSendAPostTheDeadInstanceRefusedToTheLiveOneExactlyOnce() {
		for (int i = 0; i < 6; i++) {
			assertThat(this.twin.reserve("order-" + i)).isEqualTo("reserved order-" + i);
		}

		assertThat(this.server.calls).hasValue(6);
	}

	@Test
	void shouldNotResendAPostThatReachedAServerAndFailed() {
		for (int i = 0; i < 4; i++) {
			assertThatThrownBy(() -> this.twin.fail("order")).isInstanceOf(RemoteProblemException.class);
		}

		assertThat(this.server.calls).hasValue(4);
	}

	@Test
	void shouldNotResendAPostThatTimedOutOnAServer() {
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.twin.slow("order")).isInstanceOf(RetryableException.class);
		}

		assertThat(this.server.calls).hasValue(2);
	}

	@FeignClient(name = "twin")
	interface TwinClient {

		@PostMapping("/internal/reserve")
		String reserve(@RequestBody String orderNo);

		@PostMapping("/internal/fail")
		String fail(@RequestBody String orderNo);

		@PostMapping("/internal/slow")
		String slow(@RequestBody String orderNo);

	}

	@RestController
	static class Twin {

		final AtomicInteger calls = new AtomicInteger();

		@PostMapping("/internal/reserve")
		String reserve(@RequestBody String orderNo) {
			this.calls.incrementAndGet();
			return "reserved " + orderNo;
		}

		@PostMapping("/internal/fail")
		@ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
		String fail(@RequestBody String orderNo) {
			this.calls.incrementAndGet();
			return "failed";
		}

		@PostMapping("/internal/slow")
		String slow(@RequestBody String orderNo) throws InterruptedException {
			this.calls.incrementAndGet();
			Thread.sleep(2_000);
			return "late";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	@EnableFeignClients(clients = TwinClient.class)
	static class TestApp {

		@Bean
		Twin twin() {
			return new Twin();
		}

	}

}
