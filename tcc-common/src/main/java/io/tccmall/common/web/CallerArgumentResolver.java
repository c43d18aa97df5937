package io.tccmall.common.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link Caller} controller parameter from the identity headers; 401 when they
 * are missing.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		String userId = request.getHeader(Caller.USER_HEADER);
		if (userId == null || userId.isBlank()) {
			throw new BusinessException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "No authenticated user");
		}
		String roles = request.getHeader(Caller.ROLES_HEADER);
		Set<String> roleSet = (roles == null) ? Set.of()
				: Arrays.stream(roles.split(","))
					.map(String::trim)
					.filter(r -> !r.isEmpty())
					.collect(Collectors.toUnmodifiableSet());
		return new Caller(userId, roleSet);
	}

}
