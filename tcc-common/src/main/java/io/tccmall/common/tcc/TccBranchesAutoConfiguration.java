package io.tccmall.common.tcc;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.seata.rm.fence.SpringFenceConfig;
import org.apache.seata.rm.fence.SpringFenceHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link TccBranches} and its endpoints ({@link TccBranchApi}) in every Seata participant
 * with a database: the repair of branches whose global transaction the TC has forgotten.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ SpringFenceHandler.class, JdbcClient.class, MeterRegistry.class })
@ConditionalOnBean({ JdbcClient.class, MeterRegistry.class })
public class TccBranchesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TccBranches tccBranches(JdbcClient jdbc, ObjectMapper json, MeterRegistry meters) {
		return new TccBranches(jdbc, json, meters, Clock.systemUTC());
	}

	@Bean
	SmartInitializingSingleton tccBranchMeters(TccBranches branches, ObjectProvider<SpringFenceConfig> fenceConfig) {
		// once every singleton exists, Seata (when enabled) has registered this JVM's TCC
		// actions
		return () -> {
			if (fenceConfig.getIfAvailable() != null) {
				branches.registerMeters(TccMetricsAutoConfiguration.tccActions());
			}
		};
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	TccBranchController tccBranchController(TccBranches branches) {
		return new TccBranchController(branches);
	}

}
