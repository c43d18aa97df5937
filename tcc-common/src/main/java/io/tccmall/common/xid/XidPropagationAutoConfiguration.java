package io.tccmall.common.xid;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Propagates the Seata XID out over Feign and in over Spring MVC, without Spring Cloud
 * Alibaba.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.seata.core.context.RootContext")
public class XidPropagationAutoConfiguration {

	@Bean
	@ConditionalOnClass(name = "feign.RequestInterceptor")
	SeataXidFeignInterceptor seataXidFeignInterceptor() {
		return new SeataXidFeignInterceptor();
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	WebMvcConfigurer seataXidMvcConfigurer() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				// only a service's call may join a global transaction (/internal/** needs
				// a service token)
				registry.addInterceptor(new SeataXidMvcInterceptor()).addPathPatterns("/internal/**");
			}
		};
	}

}
