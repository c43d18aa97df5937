package io.tccmall.common.lock;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.redisson.api.RedissonClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(afterName = "org.redisson.spring.starter.RedissonAutoConfigurationV2")
@ConditionalOnBean(RedissonClient.class)
public class LockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LockTemplate lockTemplate(RedissonClient redisson, @Value("${tccmall.lock.wait:2s}") Duration wait,
			ObjectProvider<MeterRegistry> meters) {
		return new LockTemplate(redisson, wait, meters.getIfAvailable(SimpleMeterRegistry::new));
	}

}
