package io.tccmall.common.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Which key verified a request's bearer token: a user's token (signed with the key the
 * gateway shares) or a service's (signed with the key only the services hold). The
 * authorities are not roles, so no role claim of a user's token can ever grant
 * {@link #SERVICE}.
 */
public final class CallerKind {

	public static final String USER = "CALLER_USER";

	public static final String SERVICE = "CALLER_SERVICE";

	static final GrantedAuthority USER_AUTHORITY = new SimpleGrantedAuthority(USER);

	static final GrantedAuthority SERVICE_AUTHORITY = new SimpleGrantedAuthority(SERVICE);

	private CallerKind() {
	}

}
