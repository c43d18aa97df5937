package io.tccmall.coupon.template;

import io.tccmall.common.web.Caller;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TemplateAdminController {

	private final TemplateService templates;

	TemplateAdminController(TemplateService templates) {
		this.templates = templates;
	}

	@PostMapping("/api/admin/coupon-templates")
	@ResponseStatus(HttpStatus.CREATED)
	TemplateView create(Caller caller, @Valid @RequestBody CreateTemplateRequest request) {
		caller.requireAdmin();
		return this.templates.create(request);
	}

}
