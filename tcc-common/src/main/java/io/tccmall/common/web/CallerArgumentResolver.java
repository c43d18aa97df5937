package io.tccmall.common.web;

import java.util.Set;
import java.util.stream.Collectors;

import io.tccmall.common.security.CallerKind;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link Caller} controller parameter from the verified user token of the
 * request (never from a header); 401 when the request carries none.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private static final String ROLE_PREFIX = "ROLE_";

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token) || !isUser(token)) {
			throw new BusinessException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "No authenticated user");
		}
		Set<String> roles = token.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(ROLE_PREFIX))
			.map(authority -> authority.substring(ROLE_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		return new Caller(token.getToken().getSubject(), roles);
	}

	private static boolean isUser(JwtAuthenticationToken token) {
		return token.getAuthorities().stream().anyMatch(a -> CallerKind.USER.equals(a.getAuthority()));
	}

}
