package io.tccmall.common.tracing;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Puts the current trace context on every Feign call ({@code traceparent}, W3C), so the
 * participant's server span continues the caller's trace. feign-micrometer (which would
 * add a client span per call) is not in the registries this project builds from; this
 * carries the trace id all the same.
 */
public class TraceContextFeignInterceptor implements RequestInterceptor {

	private final Tracer tracer;

	private final Propagator propagator;

	public TraceContextFeignInterceptor(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public void apply(RequestTemplate template) {
		Span span = this.tracer.currentSpan();
		if (span != null) {
			this.propagator.inject(span.context(), template, (carrier, key, value) -> carrier.header(key, value));
		}
	}

}
