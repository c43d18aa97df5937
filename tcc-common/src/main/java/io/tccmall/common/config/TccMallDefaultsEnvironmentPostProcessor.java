package io.tccmall.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code tccmall-defaults.yml} as the lowest-precedence property source of every
 * service: the Seata client, actuator probes, problem details, READ COMMITTED on the
 * pool, Feign timeouts and circuit breakers are set once here, and each service's own
 * {@code application.yml} (or the environment) overrides what it must. Outside the
 * {@code local} and {@code test} profiles the console log is structured JSON (Spring
 * Boot's Elastic Common Schema format, every MDC entry a field);
 * {@code TCCMALL_LOG_FORMAT} picks another of Boot's formats (e.g. {@code logstash}).
 * <p>
 * It also switches off the Seata client's file-configuration listener (the JVM property
 * {@value #SEATA_FILE_LISTENER}, unless the JVM sets it): once a second that thread looks
 * up every Seata key it watches through the whole Spring {@code Environment}, to notice
 * changes this configuration never makes (it is read once, at start-up). That was 4-6 %
 * of a service's CPU samples under load (docs/benchmarks.md).
 */
public class TccMallDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String RESOURCE = "tccmall-defaults.yml";

	static final String STRUCTURED_FORMAT = "logging.structured.format.console";

	static final String SEATA_FILE_LISTENER = "file.listener.enabled";

	private static final Profiles READABLE_LOGS = Profiles.of("local", "test");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty(SEATA_FILE_LISTENER) == null) {
			System.setProperty(SEATA_FILE_LISTENER, "false");
		}
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE,
					new ClassPathResource(RESOURCE))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!environment.acceptsProfiles(READABLE_LOGS)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("tccmall-structured-logging",
						Map.of(STRUCTURED_FORMAT, "${TCCMALL_LOG_FORMAT:ecs}")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
