package io.tccmall.common.web;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tccmall.common.feign.ProblemErrorDecoder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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

	@Bean
	@ConditionalOnClass(name = "feign.codec.ErrorDecoder")
	ProblemErrorDecoder problemErrorDecoder(ObjectMapper objectMapper) {
		return new ProblemErrorDecoder(objectMapper);
	}

}
