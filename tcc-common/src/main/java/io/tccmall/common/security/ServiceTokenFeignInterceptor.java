package io.tccmall.common.security;

import feign.RequestInterceptor;
import feign.RequestTemplate;

import org.springframework.http.HttpHeaders;

/**
 * Every Feign call carries this service's token for the callee (the Feign client's name
 * is the callee's application name); nothing else a request carried is passed on.
 */
class ServiceTokenFeignInterceptor implements RequestInterceptor {

	private final ServiceTokens tokens;

	ServiceTokenFeignInterceptor(ServiceTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public void apply(RequestTemplate template) {
		template.removeHeader(HttpHeaders.AUTHORIZATION);
		template.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.forAudience(template.feignTarget().name()));
	}

}
