package io.tccmall.common.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points Seata's client at the test JVM's TC ({@link SeataTestServer#address()}) before
 * the context starts, when the context runs with {@code seata.enabled=true}. Use it as
 * {@code @ContextConfiguration(initializers = SeataTestServerInitializer.class)} next to
 * {@code @SpringBootTest}: every test class declaring the same configuration shares one
 * cached context, and the JVM shares one TC.
 */
public class SeataTestServerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The client setting the address goes to (tcc-common's defaults map the group to
	 * "default").
	 */
	public static final String GROUPLIST_PROPERTY = "seata.service.grouplist.default";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("seata.enabled", Boolean.class, true)) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("seataTestServer", Map.of(GROUPLIST_PROPERTY, SeataTestServer.address())));
	}

}
