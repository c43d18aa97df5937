package io.tccmall.order.reconciliation;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSecretsGuardTest {

	private static final String PASSWORD = "tccmall.reconciliation.console.password=";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(LocalSecretsGuard.class);

	@Test
	void shouldRefuseThePublishedConsolePasswordOutsideTheLocalProfile() {
		this.runner.withPropertyValues("spring.profiles.active=prod", PASSWORD + "tccmall-console")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("published local password"));
	}

	@Test
	void shouldAcceptThePublishedPasswordLocallyAndAnOwnOneElsewhere() {
		this.runner.withPropertyValues("spring.profiles.active=local", PASSWORD + "tccmall-console")
			.run(context -> assertThat(context).hasNotFailed());
		this.runner.withPropertyValues("spring.profiles.active=prod", PASSWORD + "s3cret-from-the-vault")
			.run(context -> assertThat(context).hasNotFailed());
	}

}
