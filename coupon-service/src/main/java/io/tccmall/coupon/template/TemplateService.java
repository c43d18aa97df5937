package io.tccmall.coupon.template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TemplateService {

	private static final Logger log = LoggerFactory.getLogger(TemplateService.class);

	private final CouponTemplateMapper templates;

	TemplateService(CouponTemplateMapper templates) {
		this.templates = templates;
	}

	/** One transaction: LAST_INSERT_ID() is per connection. */
	@Transactional
	TemplateView create(CreateTemplateRequest request) {
		this.templates.insert(request.name(), request.discountCents(), request.minSpendCents(), request.totalCount(),
				request.perUserLimit(), request.validFrom(), request.validUntil());
		CouponTemplate created = this.templates.find(this.templates.lastInsertId());
		log.info("coupon template {} '{}' created: {} x {} off {}", created.id(), created.name(), created.totalCount(),
				created.discountCents(), created.minSpendCents());
		return TemplateView.of(created);
	}

}
