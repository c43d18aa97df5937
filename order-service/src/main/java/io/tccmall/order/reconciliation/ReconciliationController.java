package io.tccmall.order.reconciliation;

import java.time.Duration;

import io.tccmall.common.web.BusinessException;
import io.tccmall.common.web.Caller;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/reconciliation[?window=24h]}: the invariant report, for admins.
 * 200 whether or not it finds violations (it is a report; see {@code ok}); 503 when a
 * participant cannot be asked. Reads only.
 */
@RestController
class ReconciliationController {

	private final Reconciliation reconciliation;

	private final ReconciliationProperties properties;

	ReconciliationController(Reconciliation reconciliation, ReconciliationProperties properties) {
		this.reconciliation = reconciliation;
		this.properties = properties;
	}

	@GetMapping("/api/admin/reconciliation")
	ReconciliationReport report(Caller caller, @RequestParam(required = false) String window) {
		caller.requireAdmin();
		return this.reconciliation.run(window(window));
	}

	private Duration window(String text) {
		if (text == null) {
			return this.properties.window();
		}
		Duration window;
		try {
			window = DurationStyle.detectAndParse(text);
		}
		catch (IllegalArgumentException ex) {
			throw invalidWindow(text);
		}
		if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(this.properties.maxWindow()) > 0) {
			throw invalidWindow(text);
		}
		return window;
	}

	private BusinessException invalidWindow(String text) {
		return BusinessException.badRequest("VALIDATION_FAILED", "window '" + text
				+ "' must be a duration (e.g. 24h, PT30M) from 1m to " + this.properties.maxWindow().toString());
	}

}
