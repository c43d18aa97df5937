package io.tccmall.coupon.checkout;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tccmall.common.testsupport.DatabaseFault;
import io.tccmall.common.testsupport.TcConsole;
import io.tccmall.common.testsupport.TestTokens;
import io.tccmall.coupon.SeataTcTest;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.tccmall.common.testsupport.TestTransactions.await;
import static io.tccmall.common.testsupport.TestTransactions.begin;
import static io.tccmall.common.testsupport.TestTransactions.tcStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * coupon-use's and coupon-lock's phase two failing under the real TC, the fault injected
 * in the real database ({@link DatabaseFault}: a trigger failing the coupon's status
 * change): a Confirm of coupon-use failing twice is retried by the TC and uses the coupon
 * once; a Cancel of coupon-lock that keeps failing leaves the transaction
 * RollbackRetrying with the coupon held by the order, until the cause is removed and the
 * TC's next retry gives it back. This test is the TM and calls the Try endpoints as
 * order-service would.
 */
@SeataTcTest
class PhaseTwoFaultIT {

	private static final String ORDER = "O-FAULT";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyTables() {
		DatabaseFault.removeAll(this.jdbc);
		for (String table : List.of("coupon_claim_request", "user_coupon", "coupon_template", "tcc_fence_log")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	@AfterEach
	void removeFaults() {
		// a failed test must not leave the TC retrying against a trigger forever
		DatabaseFault.removeAll(this.jdbc);
		RootContext.unbind();
	}

	@Test
	void shouldUseTheCouponOnceWhenTheConfirmFailsTransientlyAndTheCoordinatorRetriesIt() throws Exception {
		CouponC1.given(this.jdbc, "LOCKED", ORDER);
		DatabaseFault fault = DatabaseFault.failUpdates(this.jdbc, "use_confirm", "user_coupon",
				"OLD.status = 'USING' AND NEW.status = 'USED'", 2);

		GlobalTransaction pay = begin("coupon-phase-two-fault-test");
		call(pay.getXid(), "use", "{\"orderNo\":\"" + ORDER + "\"}");
		assertThat(CouponC1.state(this.jdbc)).as("after the Try").isEqualTo(CouponC1.of("USING", ORDER));
		pay.commit();
		RootContext.unbind();
		assertThat(pay.getLocalStatus()).as("the TC's answer to the TM's commit")
			.isEqualTo(GlobalStatus.CommitRetrying);

		await(() -> CouponC1.state(this.jdbc).equals(CouponC1.of("USED", ORDER)), "the TC's retry uses the coupon");
		assertThat(fault.injected()).as("Confirm attempts that failed").isEqualTo(2);
		assertThat(fence(pay.getXid())).as("fence row (COMMITTED)").containsExactly(2);
		await(() -> tcStatus(pay.getXid()) == GlobalStatus.Finished, "the TC ends the transaction");
		assertThat(CouponC1.state(this.jdbc)).isEqualTo(CouponC1.of("USED", ORDER));
	}

	@Test
	void shouldKeepRetryingACancelThatKeepsFailingUntilTheCauseIsRemoved() throws Exception {
		CouponC1.given(this.jdbc, "AVAILABLE", null);
		DatabaseFault fault = DatabaseFault.failUpdatesUntilRemoved(this.jdbc, "lock_cancel", "user_coupon",
				"OLD.status = 'LOCKED' AND NEW.status = 'AVAILABLE'");

		GlobalTransaction place = begin("coupon-phase-two-fault-test");
		String xid = place.getXid();
		call(xid, "lock", "{\"userId\":\"alice\",\"orderNo\":\"" + ORDER + "\",\"orderTotalCents\":6000}");
		place.rollback();
		RootContext.unbind();
		assertThat(place.getLocalStatus()).as("the TC's answer to the TM's rollback")
			.isEqualTo(GlobalStatus.RollbackRetrying);

		await(() -> fault.injected() >= 3, "three failed Cancel attempts");
		assertThat(tcStatus(xid)).isEqualTo(GlobalStatus.RollbackRetrying);
		JsonNode session = TcConsole.ofTestServer().globalSession(xid);
		assertThat(session).as("the console lists the stuck transaction").isNotNull();
		assertThat(session.path("status").asInt()).as("console status: %s", session)
			.isEqualTo(GlobalStatus.RollbackRetrying.getCode());
		// meanwhile the order still holds the coupon: nobody else can lock it
		assertThat(CouponC1.state(this.jdbc)).as("while Cancel fails").isEqualTo(CouponC1.of("LOCKED", ORDER));
		assertThat(fence(xid)).as("fence row while Cancel fails (TRIED)").containsExactly(1);

		fault.remove();
		await(() -> CouponC1.state(this.jdbc).equals(CouponC1.of("AVAILABLE", null)),
				"the TC's retry gives the coupon back");
		assertThat(fence(xid)).as("fence row (ROLLBACKED)").containsExactly(3);
		await(() -> tcStatus(xid) == GlobalStatus.Finished, "the TC ends the transaction");
		assertThat(TcConsole.ofTestServer().globalSession(xid)).as("console after the rollback").isNull();
	}

	private void call(String xid, String action, String body) throws Exception {
		this.mvc
			.perform(post("/internal/coupons/C1/" + action)
				.header(HttpHeaders.AUTHORIZATION, TestTokens.service("order-service", "coupon-service"))
				.header(RootContext.KEY_XID, xid)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk());
	}

	private List<Integer> fence(String xid) {
		return this.jdbc.queryForList("SELECT status FROM tcc_fence_log WHERE xid = ?", Integer.class, xid);
	}

}
