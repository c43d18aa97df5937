package io.tccmall.common.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the test JVM's Seata TC ({@link SeataTestServer}) when the JUnit launcher session
 * ends, i.e. after the last test of the JVM. Registered in the test-jar's
 * {@code META-INF/services}; does nothing when no test asked for a TC.
 */
public class SeataTestServerListener implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		SeataTestServer.stop();
	}

}
