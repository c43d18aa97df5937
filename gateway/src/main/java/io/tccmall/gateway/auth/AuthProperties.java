package io.tccmall.gateway.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings and the accounts this gateway can issue tokens for. Passwords use Spring
 * Security's {@code {id}hash} format ({@code {bcrypt}...} in real deployments).
 */
@ConfigurationProperties("tccmall.auth")
public record AuthProperties(String issuer, String secret, Duration tokenTtl, List<Account> users) {

	public AuthProperties {
		users = (users != null) ? users : List.of();
	}

	public record Account(String username, String password, List<String> roles) {

		public Account {
			roles = (roles != null) ? roles : List.of();
		}

	}

}
