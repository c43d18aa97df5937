package io.tccmall.common.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request a service serves is authenticated (docs/architecture.md, "Threat model").
 * A bearer token is verified by the key of its issuer:
 * <ul>
 * <li>a user's token, issued by the gateway and relayed by it unchanged, with the key the
 * gateway shares: {@code /api/**} (admin paths: with the ADMIN role; actuator: METRICS or
 * ADMIN);</li>
 * <li>a service token (issuer {@value AuthProperties#SERVICE_ISSUER}, audience: this
 * service), minted by the calling service with the key only the services hold:
 * {@code /internal/**}, and nothing else.</li>
 * </ul>
 * The caller's identity and roles come from the verified token only ({@code Caller});
 * identity headers are ignored. Anonymous: the health status for probes and the public
 * API's OpenAPI document, which the gateway publishes anyway.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(AuthProperties.class)
public class ServiceSecurityAutoConfiguration {

	static final String ROLES_CLAIM = "roles";

	@Bean
	SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, AuthProperties auth,
			@Value("${spring.application.name:application}") String service, ObjectMapper objectMapper)
			throws Exception {
		ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(objectMapper);
		Map<String, AuthenticationManager> managerByIssuer = Map.of(auth.issuer(),
				provider(userTokenDecoder(auth), true)::authenticate, AuthProperties.SERVICE_ISSUER,
				provider(serviceTokenDecoder(auth, service), false)::authenticate);
		var resolver = new JwtIssuerAuthenticationManagerResolver(managerByIssuer::get);
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				// an error or async dispatch of a request that was already authorized
				.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/v3/api-docs")
				.permitAll()
				.requestMatchers("/internal/**")
				.hasAuthority(CallerKind.SERVICE)
				.requestMatchers("/actuator/**")
				.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasAuthority(CallerKind.USER),
						AuthorityAuthorizationManager.hasAnyRole("METRICS", "ADMIN")))
				.requestMatchers("/api/admin/**")
				.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasAuthority(CallerKind.USER),
						AuthorityAuthorizationManager.hasRole("ADMIN")))
				.requestMatchers("/api/**")
				.hasAuthority(CallerKind.USER)
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer(oauth -> oauth.authenticationManagerResolver(resolver)
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

	@Bean
	ServiceTokens serviceTokens(AuthProperties auth, @Value("${spring.application.name:application}") String service) {
		return new ServiceTokens(key(auth.serviceSecret()), service, auth.serviceTokenTtl());
	}

	@Bean
	@ConditionalOnClass(name = "feign.RequestInterceptor")
	ServiceTokenFeignInterceptor serviceTokenFeignInterceptor(ServiceTokens tokens) {
		return new ServiceTokenFeignInterceptor(tokens);
	}

	private static JwtDecoder userTokenDecoder(AuthProperties auth) {
		NimbusJwtDecoder decoder = hmacDecoder(auth.secret());
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(auth.issuer()));
		return decoder;
	}

	private static JwtDecoder serviceTokenDecoder(AuthProperties auth, String service) {
		NimbusJwtDecoder decoder = hmacDecoder(auth.serviceSecret());
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(AuthProperties.SERVICE_ISSUER),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(service))));
		return decoder;
	}

	private static NimbusJwtDecoder hmacDecoder(String secret) {
		return NimbusJwtDecoder.withSecretKey(key(secret)).macAlgorithm(MacAlgorithm.HS256).build();
	}

	static SecretKey key(String secret) {
		return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	private static JwtAuthenticationProvider provider(JwtDecoder decoder, boolean user) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(user ? ServiceSecurityAutoConfiguration::userAuthorities
				: jwt -> List.of(CallerKind.SERVICE_AUTHORITY));
		provider.setJwtAuthenticationConverter(converter);
		return provider;
	}

	static Collection<GrantedAuthority> userAuthorities(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(CallerKind.USER_AUTHORITY);
		List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
		if (roles != null) {
			roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		}
		return authorities;
	}

}
