package io.tccmall.common.config;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the local and test profiles a service logs one JSON object per line, with the
 * trace id, the Seata XID and the request id of the MDC as fields.
 */
class StructuredLoggingTest {

	@Test
	void shouldLogJsonWithTraceIdXidAndRequestIdOutsideTheLocalProfile() throws Exception {
		MockEnvironment environment = environment("prod");

		String format = environment.getProperty(TccMallDefaultsEnvironmentPostProcessor.STRUCTURED_FORMAT);
		assertThat(format).isEqualTo("ecs");

		JsonNode line = new ObjectMapper().readTree(logLine(environment, format));
		assertThat(line.path("message").asText()).isEqualTo("Begin new global transaction");
		assertThat(line.path("log").path("level").asText()).isEqualTo("INFO");
		assertThat(line.path("service").path("name").asText()).isEqualTo("order-service");
		assertThat(line.path("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(line.path("X-TX-XID").asText()).isEqualTo("127.0.0.1:8091:42");
		assertThat(line.path("requestId").asText()).isEqualTo("req-1");
	}

	@Test
	void shouldKeepTheReadablePatternInTheLocalAndTestProfiles() {
		assertThat(environment("local").getProperty(TccMallDefaultsEnvironmentPostProcessor.STRUCTURED_FORMAT))
			.isNull();
		assertThat(environment("test").getProperty(TccMallDefaultsEnvironmentPostProcessor.STRUCTURED_FORMAT)).isNull();
		assertThat(environment("local").getProperty("logging.pattern.level")).contains("%X{traceId:-}",
				"%X{X-TX-XID:-}", "%X{requestId:-}");
	}

	@Test
	void shouldLetTheEnvironmentPickAnotherFormat() {
		MockEnvironment environment = new MockEnvironment().withProperty("TCCMALL_LOG_FORMAT", "logstash");
		environment.setActiveProfiles("prod");
		new TccMallDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(TccMallDefaultsEnvironmentPostProcessor.STRUCTURED_FORMAT))
			.isEqualTo("logstash");
	}

	private static MockEnvironment environment(String profile) {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "order-service");
		environment.setActiveProfiles(profile);
		new TccMallDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

	/** What Spring Boot's console appender writes for one event in this format. */
	private static String logLine(Environment environment, String format) {
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(), environment);
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat(format);
		encoder.start();
		LoggingEvent event = new LoggingEvent(StructuredLoggingTest.class.getName(),
				context.getLogger("org.apache.seata.tm.api.DefaultGlobalTransaction"), Level.INFO,
				"Begin new global transaction", null, null);
		event.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "X-TX-XID", "127.0.0.1:8091:42",
				"requestId", "req-1"));
		return new String(encoder.encode(event), StandardCharsets.UTF_8);
	}

}
