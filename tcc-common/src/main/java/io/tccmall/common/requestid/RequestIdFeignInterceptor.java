package io.tccmall.common.requestid;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.slf4j.MDC;

/**
 * Passes the current request's id on to the service a Feign client calls
 * ({@code ParticipantCalls} copies the MDC onto its worker threads).
 */
public class RequestIdFeignInterceptor implements RequestInterceptor {

	@Override
	public void apply(RequestTemplate template) {
		String id = MDC.get(RequestIdFilter.MDC_KEY);
		if (id != null) {
			template.header(RequestIdFilter.HEADER, id);
		}
	}

}
