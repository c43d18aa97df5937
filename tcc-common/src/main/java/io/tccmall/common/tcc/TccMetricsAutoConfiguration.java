package io.tccmall.common.tcc;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.integration.tx.api.fence.DefaultCommonFenceHandler;
import org.apache.seata.rm.DefaultResourceManager;
import org.apache.seata.rm.fence.SpringFenceConfig;
import org.apache.seata.rm.fence.SpringFenceHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * TCC metrics for a service with Seata's fence ({@code SpringFenceConfig}, i.e. Seata
 * enabled with a DataSource): once every singleton exists (Seata has registered the TCC
 * resources and its fence handler), the fence is wrapped in an
 * {@link ObservedFenceHandler} and the meters of every TCC action registered at zero. The
 * fence handler is a JVM-wide static in Seata: one application context per JVM runs it
 * (as the services and the module tests do).
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
				"org.apache.seata.spring.boot.autoconfigure.SeataAutoConfiguration" })
@ConditionalOnClass({ SpringFenceHandler.class, MeterRegistry.class })
public class TccMetricsAutoConfiguration {

	@Bean
	SmartInitializingSingleton tccFenceMetrics(ObjectProvider<SpringFenceConfig> fenceConfig,
			ObjectProvider<MeterRegistry> registry) {
		return () -> {
			MeterRegistry meters = registry.getIfAvailable();
			if (fenceConfig.getIfAvailable() == null || meters == null) {
				return;
			}
			TccMetrics metrics = new TccMetrics(meters);
			metrics.register(tccActions());
			// creating SpringFenceHandler first runs its static initializer, which
			// installs
			// a plain SpringFenceHandler; ours replaces it
			SpringFenceHandler fence = new SpringFenceHandler();
			DefaultCommonFenceHandler.get()
				.setFenceHandler(new ObservedFenceHandler(fence, SpringFenceHandler::getDataSource, metrics));
		};
	}

	/** The TCC action names Seata registered as resources in this JVM. */
	static List<String> tccActions() {
		return DefaultResourceManager.get()
			.getResourceManager(BranchType.TCC)
			.getManagedResources()
			.values()
			.stream()
			.filter(resource -> resource.getBranchType() == BranchType.TCC)
			.map(resource -> resource.getResourceId())
			.sorted()
			.toList();
	}

}
