package io.tccmall.gateway.auth;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSecretsGuardTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(LocalSecretsGuard.class);

	@Test
	void shouldRefuseThePublishedLocalKeyOutsideTheLocalProfile() {
		this.runner
			.withPropertyValues("spring.profiles.active=prod",
					"tccmall.auth.secret=" + LocalSecretsGuard.LOCAL_JWT_SECRET)
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("published local key"));
	}

	@Test
	void shouldAcceptThePublishedLocalKeyInTheLocalProfileAndAnOwnKeyElsewhere() {
		this.runner
			.withPropertyValues("spring.profiles.active=local",
					"tccmall.auth.secret=" + LocalSecretsGuard.LOCAL_JWT_SECRET)
			.run(context -> assertThat(context).hasNotFailed());
		this.runner
			.withPropertyValues("spring.profiles.active=prod", "tccmall.auth.secret=0123456789abcdef0123456789abcdef")
			.run(context -> assertThat(context).hasNotFailed());
	}

}
