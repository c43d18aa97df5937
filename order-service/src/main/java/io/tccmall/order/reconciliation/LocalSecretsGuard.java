package io.tccmall.order.reconciliation;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the {@code local} profile with the Seata console password
 * published in {@code deploy/local.env}: the console can roll transactions back.
 */
@Component
class LocalSecretsGuard {

	static final String LOCAL_CONSOLE_PASSWORD = "tccmall-console";

	LocalSecretsGuard(Environment environment) {
		if (!environment.acceptsProfiles(Profiles.of("local"))
				&& LOCAL_CONSOLE_PASSWORD.equals(environment.getProperty("tccmall.reconciliation.console.password"))) {
			throw new IllegalStateException("tccmall.reconciliation.console.password (TCCMALL_CONSOLE_PASSWORD) is the"
					+ " published local password; outside the local profile set the console's own (docs/operations.md)");
		}
	}

}
