package io.tccmall.common.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets the keys every service of a test context verifies tokens with, as system
 * properties, when the JUnit launcher session opens (registered in the test-jar's
 * {@code META-INF/services}); the tokens of {@link TestTokens} are signed with them.
 */
public class TestCredentialsListener implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		System.setProperty("TCCMALL_JWT_ISSUER", TestTokens.ISSUER);
		System.setProperty("TCCMALL_JWT_SECRET", TestTokens.USER_SECRET);
		System.setProperty("TCCMALL_SERVICE_SECRET", TestTokens.SERVICE_SECRET);
	}

}
