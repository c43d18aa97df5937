package io.tccmall.common.web;

import java.util.Set;

/**
 * The authenticated user a request acts for, as the gateway established it from the JWT
 * and passed on in the {@code X-User-Id} / {@code X-User-Roles} headers (the gateway
 * strips any such header a client sends).
 */
public record Caller(String userId, Set<String> roles) {

	public static final String USER_HEADER = "X-User-Id";

	public static final String ROLES_HEADER = "X-User-Roles";

	public static final String ADMIN = "ADMIN";

	public boolean isAdmin() {
		return this.roles.contains(ADMIN);
	}

	public Caller requireAdmin() {
		if (!isAdmin()) {
			throw new BusinessException(org.springframework.http.HttpStatus.FORBIDDEN, "FORBIDDEN",
					"This operation needs the admin role");
		}
		return this;
	}

}
