package io.tccmall.common.web;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.tccmall.common.feign.ProblemErrorDecoder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Problem responses, the {@link Caller} parameter, and the Feign decoder for
 * participants' problems.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemResponseAdvice.class)
public class WebSupportAutoConfiguration {

	@Bean
	WebMvcConfigurer callerResolverConfigurer() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

	/**
	 * A JSON number is a number: {@code "2"}, {@code 1.5} for an integer or {@code 1} for
	 * a string is a 400 that names the field, never coerced into something the client did
	 * not send (a quantity of 1.5 placed an order for 1).
	 */
	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictJsonScalars() {
		return builder -> builder.postConfigurer(mapper -> {
			mapper.coercionConfigFor(LogicalType.Integer)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			mapper.coercionConfigFor(LogicalType.Float)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			mapper.coercionConfigFor(LogicalType.Boolean)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
			mapper.coercionConfigFor(LogicalType.Textual)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		});
	}

	@Bean
	@ConditionalOnClass(name = "feign.codec.ErrorDecoder")
	ProblemErrorDecoder problemErrorDecoder(ObjectMapper objectMapper) {
		return new ProblemErrorDecoder(objectMapper);
	}

}
