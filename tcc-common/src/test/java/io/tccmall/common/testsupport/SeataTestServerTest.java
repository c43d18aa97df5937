package io.tccmall.common.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the test support that need no TC. */
class SeataTestServerTest {

	@Test
	void shouldFindTheRepositoryRootAboveTheWorkingDirectory() {
		Path root = SeataTestServer.repositoryRoot();

		assertThat(root.resolve("tccmall")).isRegularFile();
		assertThat(Files.isDirectory(root.resolve("deploy/seata-tc"))).isTrue();
		assertThat(Path.of("").toAbsolutePath().startsWith(root)).isTrue();
	}

	@Test
	void shouldStartNoServerForAContextWithSeataDisabled() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("seata.enabled", "false")));

			new SeataTestServerInitializer().initialize(context);

			assertThat(context.getEnvironment().getProperty(SeataTestServerInitializer.GROUPLIST_PROPERTY)).isNull();
			assertThat(SeataTestServer.isRunning()).isFalse();
		}
	}

}
