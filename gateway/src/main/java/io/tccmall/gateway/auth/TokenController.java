package io.tccmall.gateway.auth;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tccmall.gateway.ProblemResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/token}: exchanges a configured account's password for a
 * short-lived bearer token.
 */
@RestController
@ConditionalOnExpression(SecurityConfiguration.TOKEN_ISSUING)
class TokenController {

	private static final String PROBLEM = "#/components/schemas/Problem";

	private final AuthProperties auth;

	private final JwtEncoder encoder;

	private final Map<String, AuthProperties.Account> accounts;

	private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	TokenController(AuthProperties auth, JwtEncoder encoder) {
		this.auth = auth;
		this.encoder = encoder;
		this.accounts = auth.users()
			.stream()
			.collect(Collectors.toUnmodifiableMap(AuthProperties.Account::username, Function.identity()));
	}

	@PostMapping(path = "/api/auth/token", produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
	@ApiResponse(responseCode = "400", description = "Bad Request: VALIDATION_FAILED",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
					examples = @ExampleObject(name = "VALIDATION_FAILED",
							value = "{\"status\":400,\"code\":\"VALIDATION_FAILED\"}")))
	@ApiResponse(responseCode = "401", description = "Unauthorized: BAD_CREDENTIALS",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
					examples = @ExampleObject(name = "BAD_CREDENTIALS",
							value = "{\"status\":401,\"code\":\"BAD_CREDENTIALS\"}")))
	@ApiResponse(responseCode = "429", description = "Too Many Requests: RATE_LIMITED", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
			examples = @ExampleObject(name = "RATE_LIMITED", value = "{\"status\":429,\"code\":\"RATE_LIMITED\"}")))
	ResponseEntity<?> token(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "demo shopper",
					value = "{\"username\":\"alice\",\"password\":\"tccmall-demo\"}"))) @Valid @RequestBody Credentials credentials) {
		AuthProperties.Account account = this.accounts.get(credentials.username());
		if (account == null || !this.passwords.matches(credentials.password(), account.password())) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS",
						"Unknown user or wrong password", "/api/auth/token"));
		}
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.auth.issuer())
			.subject(account.username())
			.issuedAt(now)
			.expiresAt(now.plus(this.auth.tokenTtl()))
			.claim(SecurityConfiguration.ROLES_CLAIM, account.roles())
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return ResponseEntity.ok(new TokenResponse(token, "Bearer", this.auth.tokenTtl().toSeconds()));
	}

	record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {
	}

}
