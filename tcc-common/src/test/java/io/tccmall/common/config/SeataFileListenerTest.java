package io.tccmall.common.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static io.tccmall.common.config.TccMallDefaultsEnvironmentPostProcessor.SEATA_FILE_LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

/** Seata's once-a-second configuration scan is off unless the JVM asks for it. */
class SeataFileListenerTest {

	private String before;

	@BeforeEach
	void remember() {
		this.before = System.getProperty(SEATA_FILE_LISTENER);
		System.clearProperty(SEATA_FILE_LISTENER);
	}

	@AfterEach
	void restore() {
		if (this.before == null) {
			System.clearProperty(SEATA_FILE_LISTENER);
		}
		else {
			System.setProperty(SEATA_FILE_LISTENER, this.before);
		}
	}

	@Test
	void shouldSwitchTheListenerOff() {
		postProcess();

		assertThat(System.getProperty(SEATA_FILE_LISTENER)).isEqualTo("false");
	}

	@Test
	void shouldKeepWhatTheJvmWasGiven() {
		System.setProperty(SEATA_FILE_LISTENER, "true");

		postProcess();

		assertThat(System.getProperty(SEATA_FILE_LISTENER)).isEqualTo("true");
	}

	private static void postProcess() {
		new TccMallDefaultsEnvironmentPostProcessor().postProcessEnvironment(new MockEnvironment(),
				new SpringApplication());
	}

}
