package io.tccmall.gateway.auth;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which token decoder the gateway uses: its own HS256 key, or an OIDC issuer's keys when
 * one is configured.
 */
class JwtConfigurationTest {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveSecurityAutoConfiguration.class,
				ReactiveOAuth2ResourceServerAutoConfiguration.class))
		.withUserConfiguration(Properties.class, SecurityConfiguration.class, TokenController.class)
		.withPropertyValues("tccmall.auth.issuer=tccmall-local", "tccmall.auth.token-ttl=1h");

	@Test
	void shouldIssueAndValidateHmacTokensWhenASecretIsConfigured() {
		this.runner.withPropertyValues("tccmall.auth.secret=0123456789abcdef0123456789abcdef").run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ReactiveJwtDecoder.class);
			assertThat(context.getBean(ReactiveJwtDecoder.class)).isInstanceOf(NimbusReactiveJwtDecoder.class);
			assertThat(context).hasSingleBean(JwtEncoder.class).hasSingleBean(TokenController.class);
		});
	}

	@Test
	void shouldUseTheOidcIssuerAndIssueNoTokensWhenAnIssuerIsConfigured() {
		this.runner
			.withPropertyValues(
					"spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.com/realms/shop")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ReactiveJwtDecoder.class);
				assertThat(context).doesNotHaveBean(JwtEncoder.class).doesNotHaveBean(TokenController.class);
			});
	}

	@Test
	void shouldRefuseToStartWithNeitherSecretNorIssuer() {
		this.runner.withPropertyValues("tccmall.auth.secret=").run(context -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AuthProperties.class)
	static class Properties {

	}

}
