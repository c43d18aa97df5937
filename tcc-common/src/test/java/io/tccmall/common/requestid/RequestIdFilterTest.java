package io.tccmall.common.requestid;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTest {

	@Test
	void shouldHoldTheIdOnlyWhileTheRequestRuns() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
		request.addHeader(RequestIdFilter.HEADER, "gw-42");
		AtomicReference<String> during = new AtomicReference<>();

		new RequestIdFilter().doFilter(request, new MockHttpServletResponse(),
				(req, res) -> during.set(MDC.get(RequestIdFilter.MDC_KEY)));

		assertThat(during).hasValue("gw-42");
		assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
	}

}
