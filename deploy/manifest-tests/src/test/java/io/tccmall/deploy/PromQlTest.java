package io.tccmall.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

	@Test
	void shouldFindTheMetricsOfARateAggregatedByLabels() {
		assertThat(PromQl.metricNames(
				"sum by (operation, outcome) (rate(tccmall_checkout_seconds_count{outcome=\"failed\"}[$__rate_interval]))"))
			.containsExactly("tccmall_checkout_seconds_count");
	}

	@Test
	void shouldFindBothSidesOfABinaryOperationButNoLabelOrFunctionName() {
		assertThat(PromQl.metricNames(
				"sum(rate(a_sum[5m])) / ignoring (instance) group_left(job) sum without (le) (rate(b_count[5m])) > 0.5"))
			.containsExactly("a_sum", "b_count");
	}

	@Test
	void shouldIgnoreNamesInsideStringsAndVariables() {
		assertThat(PromQl.metricNames(
				"histogram_quantile(0.95, sum by (le) (rate(x_bucket{job=~\"not_a_metric|$job\"}[${window}])))"))
			.containsExactly("x_bucket");
	}

	@Test
	void shouldFindAMetricAfterOffsetAndLogicalOperators() {
		assertThat(PromQl.metricNames("foo offset 5m and on (job) bar unless baz == bool 1e3")).containsExactly("foo",
				"bar", "baz");
	}

}
