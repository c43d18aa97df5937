package io.tccmall.common.openapi;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.tccmall.common.web.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The service's OpenAPI document (springdoc, {@code /v3/api-docs}, public {@code /api/**}
 * paths only: see {@code tccmall-defaults.yml}): the
 * {@value ProblemResponsesCustomizer#PROBLEM_SCHEMA} schema and the problem responses of
 * every operation. The gateway merges the services' documents into the one it serves.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OperationCustomizer.class)
public class OpenApiAutoConfiguration {

	static {
		// the caller comes from the gateway's identity headers, not from the client
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	ProblemResponsesCustomizer problemResponsesCustomizer() {
		return new ProblemResponsesCustomizer();
	}

	@Bean
	OpenApiCustomizer problemSchemaCustomizer() {
		return openApi -> {
			if (openApi.getComponents() == null) {
				openApi.components(new Components());
			}
			openApi.getComponents().addSchemas(ProblemResponsesCustomizer.PROBLEM_SCHEMA, problemSchema());
		};
	}

	/**
	 * RFC 9457 problem details with the stable {@code code} every tcc-mall error carries.
	 */
	static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details; `code` is stable, match on it")
			.properties(Map.of("type", new StringSchema().format("uri"), "title", new StringSchema(), "status",
					new IntegerSchema(), "detail", new StringSchema(), "instance", new StringSchema().format("uri"),
					"code", new StringSchema().description("stable machine-readable reason, e.g. OUT_OF_STOCK")))
			.required(java.util.List.of("status", "code"));
	}

}
