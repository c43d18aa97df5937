package io.tccmall.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.tccmall.gateway.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * JWT resource server: every {@code /api/**} call needs a bearer token except the token
 * endpoint; admin routes need the ADMIN role. Tokens are HS256 with a configured secret,
 * unless an OIDC issuer is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), whose decoder Spring
 * Boot then provides.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	static final String ROLES_CLAIM = "roles";

	static final String TOKEN_ISSUING = "!'${tccmall.auth.secret:}'.isEmpty()";

	@Bean
	SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.authorizeExchange(exchanges -> exchanges.pathMatchers(HttpMethod.POST, "/api/auth/token")
				.permitAll()
				.pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/fallback/**")
				.permitAll()
				// the OpenAPI document of the public API and its Swagger UI
				.pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
						"/swagger-ui/**")
				.permitAll()
				// the gateway's metrics are on its public port: a scraper needs a token
				// with
				// the METRICS role (the services' actuators are not routed at all)
				.pathMatchers("/actuator/prometheus")
				.hasAnyRole("METRICS", "ADMIN")
				.pathMatchers("/api/admin/**")
				.hasRole("ADMIN")
				.pathMatchers("/api/**")
				.authenticated()
				.anyExchange()
				.denyAll())
			.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
				.authenticationEntryPoint((exchange, ex) -> ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED,
						"UNAUTHENTICATED", "A valid bearer token is required"))
				.accessDeniedHandler((exchange, ex) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN,
						"FORBIDDEN", "This operation needs a role the token does not carry")))
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((exchange, ex) -> ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED,
						"UNAUTHENTICATED", "A valid bearer token is required"))
				.accessDeniedHandler((exchange, ex) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN,
						"FORBIDDEN", "This operation needs a role the token does not carry")))
			.build();
	}

	private static ReactiveJwtAuthenticationConverterAdapter authenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::roles);
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

	static Collection<GrantedAuthority> roles(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
		return (roles == null) ? List.of()
				: roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

	/** Validates this gateway's own HS256 tokens unless an OIDC issuer is configured. */
	@Bean
	@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()")
	ReactiveJwtDecoder hmacJwtDecoder(AuthProperties auth) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key(auth))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(auth.issuer())));
		return decoder;
	}

	/**
	 * Signs the tokens of {@code POST /api/auth/token}; without a secret (e.g. behind an
	 * OIDC issuer) it is off.
	 */
	@Bean
	@ConditionalOnExpression(TOKEN_ISSUING)
	JwtEncoder hmacJwtEncoder(AuthProperties auth) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(key(auth)));
	}

	static SecretKey key(AuthProperties auth) {
		if (auth.secret() == null || auth.secret().length() < 32) {
			throw new IllegalStateException(
					"tccmall.auth.secret (TCCMALL_JWT_SECRET) must be set to at least 32 characters");
		}
		return new SecretKeySpec(auth.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

}
