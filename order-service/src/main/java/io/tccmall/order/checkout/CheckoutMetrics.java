package io.tccmall.order.checkout;

import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tccmall.common.web.BusinessException;

import org.springframework.stereotype.Component;

/**
 * {@code tccmall.checkout}: how long place, pay, cancel and the timeout take, by outcome
 * ({@code success}, {@code refused} for a business refusal, {@code failed} otherwise).
 */
@Component
public class CheckoutMetrics {

	private final MeterRegistry meters;

	CheckoutMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	public <T> T time(String operation, Supplier<T> work) {
		Timer.Sample sample = Timer.start(this.meters);
		String outcome = "failed";
		try {
			T result = work.get();
			outcome = "success";
			return result;
		}
		catch (RuntimeException ex) {
			outcome = (BusinessException.refusalIn(ex) != null) ? "refused" : "failed";
			throw ex;
		}
		finally {
			sample.stop(Timer.builder("tccmall.checkout")
				.description("Checkout operations through their global transaction")
				.tag("operation", operation)
				.tag("outcome", outcome)
				.publishPercentileHistogram()
				.register(this.meters));
		}
	}

}
