package io.tccmall.common.xid;

import org.apache.seata.core.context.RootContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XID bound on the calling thread travels over a real Feign call into a real Spring
 * MVC request thread, and is unbound there when the request ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "server.port=18599", "seata.enabled=false", "spring.application.name=echo",
				"spring.cloud.openfeign.circuitbreaker.enabled=false",
				"spring.autoconfigure.exclude=org.redisson.spring.starter.RedissonAutoConfigurationV2,"
						+ "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration" })
class XidPropagationTest {

	@Autowired
	EchoClient echo;

	@AfterEach
	void unbind() {
		RootContext.unbind();
	}

	@Test
	void shouldCarryTheCallersXidIntoTheParticipantRequest() {
		RootContext.bind("127.0.0.1:8091:4242");

		assertThat(this.echo.xid()).isEqualTo("127.0.0.1:8091:4242");
	}

	@Test
	void shouldNotLeakAnXidIntoALaterRequestWithoutOne() {
		RootContext.bind("127.0.0.1:8091:1");
		this.echo.xid();
		RootContext.unbind();

		for (int i = 0; i < 20; i++) {
			assertThat(this.echo.xid()).isEqualTo("none");
		}
	}

	@FeignClient(name = "echo", url = "http://127.0.0.1:18599")
	interface EchoClient {

		@GetMapping("/internal/xid")
		String xid();

	}

	@RestController
	static class EchoController {

		@GetMapping("/internal/xid")
		String xid() {
			String xid = RootContext.getXID();
			return (xid != null) ? xid : "none";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	@EnableFeignClients(clients = EchoClient.class)
	static class TestApp {

		@org.springframework.context.annotation.Bean
		EchoController echoController() {
			return new EchoController();
		}

	}

}
