package io.tccmall.common.web;

import java.util.Set;

/**
 * The authenticated user a request acts for: the subject and roles of the user's token,
 * which the gateway relays and the service verifies itself
 * ({@code ServiceSecurityAutoConfiguration}).
 */
public record Caller(String userId, Set<String> roles) {

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
