package io.tccmall.inventory.reservation;

import java.util.List;

import io.tccmall.common.web.BusinessException;
import org.apache.seata.core.context.RootContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class InternalStockControllerTest {

	private final StockReserveAction reserve = mock(StockReserveAction.class);

	private final StockReleaseAction release = mock(StockReleaseAction.class);

	private final InternalStockController controller = new InternalStockController(this.reserve, this.release, true);

	@AfterEach
	void unbind() {
		RootContext.unbind();
	}

	@Test
	void shouldRefuseATryOutsideAGlobalTransactionBecauseNothingWouldEverConfirmOrCancelIt() {
		ReserveStockRequest request = new ReserveStockRequest("O-1", List.of(new StockItem("SKU-A", 1)), null);

		for (Runnable call : List.<Runnable>of(() -> this.controller.reserve(request),
				() -> this.controller.release("O-1"))) {
			assertThatThrownBy(call::run).isInstanceOfSatisfying(BusinessException.class, ex -> {
				assertThat(ex.code()).isEqualTo("TRANSACTION_REQUIRED");
				assertThat(ex.status().value()).isEqualTo(400);
			});
		}
		verifyNoInteractions(this.reserve, this.release);
	}

	@Test
	void shouldRunTheTryInsideAGlobalTransaction() {
		RootContext.bind("127.0.0.1:8091:42");
		ReserveStockRequest request = new ReserveStockRequest("O-1", List.of(new StockItem("SKU-A", 1)), null);
		ReservedStock reserved = new ReservedStock("O-1", List.of(new ReservedItem("SKU-A", 1, 100, "Alpha")));
		when(this.reserve.prepare(any(), eq("O-1"), eq(request.items()), isNull())).thenReturn(reserved);

		assertThat(this.controller.reserve(request)).isEqualTo(reserved);
		assertThat(this.controller.release("O-1")).isEmpty();
		verify(this.release).prepare(null, "O-1");
	}

}
