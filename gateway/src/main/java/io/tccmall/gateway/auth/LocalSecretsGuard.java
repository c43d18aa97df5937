package io.tccmall.gateway.auth;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the {@code local} profile with the JWT key published in
 * {@code deploy/local.env} (and in git): anyone could mint admin tokens with it.
 */
@Component
class LocalSecretsGuard {

	static final String LOCAL_JWT_SECRET = "a3c96fdab464c95be4a37611680f4b8ace468e442f86ec0418f14ae14d71ce7a";

	LocalSecretsGuard(Environment environment) {
		if (!environment.acceptsProfiles(Profiles.of("local"))
				&& LOCAL_JWT_SECRET.equals(environment.getProperty("tccmall.auth.secret"))) {
			throw new IllegalStateException("tccmall.auth.secret (TCCMALL_JWT_SECRET) is the published local key;"
					+ " outside the local profile set a secret of your own (docs/operations.md, rotating the JWT key)");
		}
	}

}
