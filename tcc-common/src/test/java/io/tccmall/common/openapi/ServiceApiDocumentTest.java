package io.tccmall.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tccmall.common.web.Caller;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A service's springdoc document with tcc-common's defaults: only the public
 * {@code /api/**} paths, the caller (set by the gateway) is not a parameter, and every
 * operation lists its problem responses with their codes.
 */
@SpringBootTest(properties = { "seata.enabled=false",
		"spring.autoconfigure.exclude=org.redisson.spring.starter.RedissonAutoConfigurationV2,"
				+ "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration" })
@AutoConfigureMockMvc
class ServiceApiDocumentTest {

	@Autowired
	MockMvc mvc;

	@Test
	void shouldDescribeOnlyThePublicApiWithItsProblems() throws Exception {
		String json = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		JsonNode document = new ObjectMapper().readTree(json);

		assertThat(document.path("paths").has("/api/things/{id}")).as(json).isTrue();
		assertThat(document.path("paths").has("/internal/things")).isFalse();
		JsonNode claim = document.at("/paths/~1api~1things~1{id}/post");
		assertThat(claim.path("parameters").findValuesAsText("name")).containsExactlyInAnyOrder("id",
				"Idempotency-Key");
		assertThat(claim.at("/responses/409/content/application~1problem+json/examples").has("THING_TAKEN")).isTrue();
		assertThat(claim.at("/responses/401/content/application~1problem+json/examples").has("UNAUTHENTICATED"))
			.isTrue();
		assertThat(document.at("/components/schemas/Problem/properties/code").isObject()).isTrue();
	}

	@RestController
	static class Things {

		@PostMapping("/api/things/{id}")
		@ProblemResponse(status = 409, codes = "THING_TAKEN")
		String claim(Caller caller, @PathVariable String id, @RequestHeader("Idempotency-Key") String key) {
			return id;
		}

		@GetMapping("/internal/things")
		String internal() {
			return "internal";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	static class TestApp {

		@Bean
		Things things() {
			return new Things();
		}

	}

}
