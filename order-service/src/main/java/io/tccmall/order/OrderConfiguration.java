package io.tccmall.order;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
