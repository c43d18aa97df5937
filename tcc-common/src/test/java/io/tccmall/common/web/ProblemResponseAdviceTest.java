package io.tccmall.common.web;

import java.lang.reflect.UndeclaredThrowableException;

import org.apache.seata.common.exception.FrameworkException;
import org.apache.seata.core.exception.TmTransactionException;
import org.apache.seata.core.exception.TransactionExceptionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisTimeoutException;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The TC or Redis out of reach is a 503 problem, not a 500: what a request meets while
 * the TC restarts (Seata's "No available service"), when a commit's RPC times out (a
 * checked exception a proxy wraps), and when Redis is gone.
 */
class ProblemResponseAdviceTest {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
		.setControllerAdvice(new ProblemResponseAdvice())
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "tc-down", "commit-timed-out", "redis-down", "redis-timed-out" })
	void shouldAnswerServiceUnavailableWhenTheCoordinatorOrRedisIsOutOfReach(String fault) throws Exception {
		this.mvc.perform(get("/fail/" + fault))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
			.andExpect(jsonPath("$.status").value(503));
	}

	@Test
	void shouldAnswerServiceUnavailableWhenTheDatabaseIsOutOfReach() throws Exception {
		for (String fault : new String[] { "db-down", "db-pool-exhausted", "db-no-transaction" }) {
			this.mvc.perform(get("/fail/" + fault))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
		}
	}

	@Test
	void shouldAnswerConflictWhenARaceLostALockOrADeadlock() throws Exception {
		for (String fault : new String[] { "deadlock", "lock-wait" }) {
			this.mvc.perform(get("/fail/" + fault))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("CONFLICT"));
		}
	}

	@RestController
	static class Failing {

		@GetMapping("/fail/{fault}")
		String fail(@PathVariable String fault) {
			throw switch (fault) {
				case "tc-down" -> new FrameworkException("No available service");
				case "commit-timed-out" -> new UndeclaredThrowableException(
						new TmTransactionException(TransactionExceptionCode.IO, "RPC timeout"));
				case "redis-down" -> new RedisConnectionException("Unable to connect to Redis server");
				case "redis-timed-out" -> new RedisTimeoutException("Command execution timeout");
				case "db-down" -> new CannotGetJdbcConnectionException("Communications link failure");
				case "db-pool-exhausted" -> new TransientDataAccessResourceException("Connection is not available");
				case "db-no-transaction" -> new CannotCreateTransactionException("Could not open JDBC Connection");
				case "deadlock" -> new DeadlockLoserDataAccessException("Deadlock found", null);
				case "lock-wait" -> new CannotAcquireLockException("Lock wait timeout exceeded");
				default -> new IllegalArgumentException(fault);
			};
		}

	}

}
