package io.tccmall.coupon.checkout;

import java.time.Duration;

import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.coupon.AbstractIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CheckoutApiIT extends AbstractIntegrationTest {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void clean() {
		cleanTables();
		givenCoupon("C1", "alice", "AVAILABLE", null, 500, 5_000, NOW.plus(Duration.ofDays(30)));
	}

	@Test
	void shouldLockUseAndAnswerTheDiscount() throws Exception {
		call("lock", "{\"userId\":\"alice\",\"orderNo\":\"O1\",\"orderTotalCents\":8000}").andExpect(status().isOk())
			.andExpect(jsonPath("$.couponId").value("C1"))
			.andExpect(jsonPath("$.discountCents").value(500));
		call("use", "{\"orderNo\":\"O1\"}").andExpect(status().isOk()).andExpect(content().json("{}"));

		assertThat(couponStatus("C1")).isEqualTo("USING");
	}

	@Test
	void shouldReleaseAndAnswerEmpty() throws Exception {
		call("lock", "{\"userId\":\"alice\",\"orderNo\":\"O1\",\"orderTotalCents\":8000}").andExpect(status().isOk());
		call("release", "{\"orderNo\":\"O1\"}").andExpect(status().isOk()).andExpect(content().json("{}"));

		assertThat(couponStatus("C1")).isEqualTo("RELEASING");
	}

	@Test
	void shouldAnswerProblemsWithStableCodes() throws Exception {
		call("lock", "{\"userId\":\"alice\",\"orderNo\":\"O1\",\"orderTotalCents\":100}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("COUPON_NOT_APPLICABLE"));
		call("lock", "{\"userId\":\"bob\",\"orderNo\":\"O1\",\"orderTotalCents\":8000}")
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("COUPON_NOT_FOUND"));
		call("use", "{\"orderNo\":\"O1\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("ILLEGAL_COUPON_STATE"));
		call("lock", "{\"userId\":\"alice\",\"orderNo\":\"\",\"orderTotalCents\":8000}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		this.mvc
			.perform(post("/internal/coupons/C1/lock")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "coupon-service"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"userId\":\"alice\",\"orderNo\":\"O1\",\"orderTotalCents\":8000}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("TRANSACTION_REQUIRED"));

		assertThat(couponStatus("C1")).isEqualTo("AVAILABLE");
	}

	private ResultActions call(String action, String body) throws Exception {
		return this.mvc.perform(post("/internal/coupons/C1/" + action)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "coupon-service"))
			.header("TX_XID", "10.0.0.1:8091:7")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private String couponStatus(String couponId) {
		return this.jdbc.queryForObject("SELECT status FROM user_coupon WHERE coupon_id = ?", String.class, couponId);
	}

}
