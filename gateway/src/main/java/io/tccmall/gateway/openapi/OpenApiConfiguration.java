package io.tccmall.gateway.openapi;

import java.time.Duration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one OpenAPI document of the public API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): springdoc describes the gateway's own endpoints and the
 * customizer adds the routed paths of the services' documents (ADR 0010).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	ServiceApiDocs serviceApiDocs(RouteDefinitionLocator routes, LoadBalancedExchangeFilterFunction loadBalancer,
			@Value("${tccmall.gateway.openapi.refresh:30s}") Duration refresh,
			@Value("${tccmall.gateway.openapi.service-docs-path:/v3/api-docs}") String docsPath) {
		return new ServiceApiDocs(routes, loadBalancer, refresh, docsPath);
	}

	@Bean
	OpenAPI publicApiInfo() {
		return new OpenAPI().info(new Info().title("tcc-mall public API")
			.version("v1")
			.description("Every public route of the gateway. Errors are RFC 9457 problems (application/problem+json) "
					+ "with a stable `code`; the examples of each error response list the codes it carries. "
					+ "Writes take an Idempotency-Key header: a retry with the same key returns the first outcome."));
	}

	@Bean
	OpenApiCustomizer mergedServiceDocs(ServiceApiDocs docs) {
		return openApi -> ApiDocsMerger.merge(openApi, docs.documents(), docs.routes());
	}

}
