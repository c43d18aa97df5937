package io.tccmall.common.tracing;

import feign.RequestInterceptor;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Trace propagation over Feign (see {@link TraceContextFeignInterceptor}); Spring Boot's
 * tracing auto-configuration (Micrometer Tracing with the OpenTelemetry bridge) makes the
 * tracer, the W3C propagator, the server spans and the {@code traceId} of the MDC.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnClass({ Tracer.class, RequestInterceptor.class })
public class TracingAutoConfiguration {

	@Bean
	@ConditionalOnBean({ Tracer.class, Propagator.class })
	TraceContextFeignInterceptor traceContextFeignInterceptor(Tracer tracer, Propagator propagator) {
		return new TraceContextFeignInterceptor(tracer, propagator);
	}

}
