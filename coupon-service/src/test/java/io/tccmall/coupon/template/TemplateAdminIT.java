package io.tccmall.coupon.template;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TemplateAdminIT extends AbstractIntegrationTest {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void clean() {
		cleanTables();
	}

	@Test
	void shouldCreateATemplate() throws Exception {
		create("admin", "ADMIN", template(500, 5_000, 1_000, 3, "2026-01-01T00:00:00Z", "2030-12-31T23:59:59Z"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.name").value("5 off 50"))
			.andExpect(jsonPath("$.discountCents").value(500))
			.andExpect(jsonPath("$.minSpendCents").value(5_000))
			.andExpect(jsonPath("$.totalCount").value(1_000))
			.andExpect(jsonPath("$.claimedCount").value(0))
			.andExpect(jsonPath("$.perUserLimit").value(3))
			.andExpect(jsonPath("$.validFrom").value("2026-01-01T00:00:00Z"))
			.andExpect(jsonPath("$.validUntil").value("2030-12-31T23:59:59Z"));

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM coupon_template", Integer.class)).isEqualTo(1);
	}

	@Test
	void shouldAllowAnyDiscountWithoutMinimumSpend() throws Exception {
		create("admin", "ADMIN", template(700, 0, 10, 1, "2026-01-01T00:00:00Z", "2030-12-31T23:59:59Z"))
			.andExpect(status().isCreated());
	}

	@Test
	void shouldRefuseNonAdmins() throws Exception {
		create("alice", "", template(500, 5_000, 10, 1, "2026-01-01T00:00:00Z", "2030-12-31T23:59:59Z"))
			.andExpect(status().isForbidden());

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM coupon_template", Integer.class)).isZero();
	}

	@Test
	void shouldValidateTheTemplate() throws Exception {
		String from = "2026-01-01T00:00:00Z";
		String until = "2030-12-31T23:59:59Z";
		assertInvalid(template(0, 5_000, 10, 1, from, until), "discountCents");
		assertInvalid(template(500, -1, 10, 1, from, until), "minSpendCents");
		assertInvalid(template(6_000, 5_000, 10, 1, from, until), "discountWithinMinSpend");
		assertInvalid(template(500, 5_000, 0, 1, from, until), "totalCount");
		assertInvalid(template(500, 5_000, 10, 0, from, until), "perUserLimit");
		assertInvalid(template(500, 5_000, 10, 1, until, from), "validUntilAfterValidFrom");
		assertInvalid(template(500, 5_000, 10, 1, from, from), "validUntilAfterValidFrom");
		assertInvalid("{\"name\":\"x\"}", "discountCents");

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM coupon_template", Integer.class)).isZero();
	}

	private void assertInvalid(String body, String field) throws Exception {
		create("admin", "ADMIN", body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(field)));
	}

	private ResultActions create(String userId, String roles, String body) throws Exception {
		return this.mvc.perform(post("/api/admin/coupon-templates")
			.header(HttpHeaders.AUTHORIZATION,
					TestTokens.userWithRoles(userId, roles.isEmpty() ? new String[0] : roles.split(",")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static String template(long discount, long minSpend, int total, int perUser, String from, String until) {
		return """
				{"name":"5 off 50","discountCents":%d,"minSpendCents":%d,"totalCount":%d,"perUserLimit":%d,
				 "validFrom":"%s","validUntil":"%s"}""".formatted(discount, minSpend, total, perUser, from, until);
	}

}
