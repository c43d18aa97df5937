package io.tccmall.order.order;

import java.time.Duration;

import io.tccmall.order.SeataTcTest;
import org.apache.seata.rm.fence.SpringFenceConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fence rows are kept long enough for the admin lookup and audits (issue 20, finding 7):
 * Seata's cleaner deletes rows older than its clean period, 7 days by default here (it
 * was one hour). Seata exposes no getter, hence the field.
 */
@SeataTcTest
class FenceRetentionIT {

	@Autowired
	SpringFenceConfig fence;

	@Test
	void shouldKeepFenceRowsForSevenDaysByDefault() {
		assertThat(ReflectionTestUtils.getField(this.fence, "cleanPeriod")).isEqualTo(Duration.ofDays(7));
	}

}
