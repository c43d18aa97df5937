package io.tccmall.coupon.claim;

import java.time.Instant;

import io.tccmall.common.id.Ids;
import io.tccmall.common.idempotency.IdempotentRequest;
import io.tccmall.common.web.BusinessException;
import io.tccmall.coupon.template.CouponTemplate;
import io.tccmall.coupon.template.CouponTemplateMapper;
import io.tccmall.coupon.usercoupon.CouponView;
import io.tccmall.coupon.usercoupon.UserCoupon;
import io.tccmall.coupon.usercoupon.UserCouponMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims in one local transaction: the idempotency key, the template's guarded
 * {@code claimed_count}, and the coupon numbered by claim sequence. Any refusal rolls all
 * of it back. The total cap holds through the guarded update; the per-user limit through
 * the unique {@code (template_id, user_id, claim_seq)}.
 */
@Service
class ClaimService {

	private static final Logger log = LoggerFactory.getLogger(ClaimService.class);

	private final ClaimRequestMapper claims;

	private final CouponTemplateMapper templates;

	private final UserCouponMapper coupons;

	ClaimService(ClaimRequestMapper claims, CouponTemplateMapper templates, UserCouponMapper coupons) {
		this.claims = claims;
		this.templates = templates;
		this.coupons = coupons;
	}

	@Transactional
	CouponView claim(String userId, String idempotencyKey, long templateId) {
		String hash = requestHash(templateId);
		ClaimRecord previous = this.claims.find(userId, idempotencyKey);
		if (previous == null) {
			String couponId = Ids.next();
			if (this.claims.claimKey(userId, idempotencyKey, hash, couponId) == 1) {
				return CouponView.of(issue(userId, templateId, couponId));
			}
			previous = this.claims.find(userId, idempotencyKey);
			if (previous == null) {
				throw new IllegalStateException("claim key " + idempotencyKey + " neither inserted nor found");
			}
		}
		if (!previous.requestHash().equals(hash)) {
			throw BusinessException.unprocessable("IDEMPOTENCY_KEY_REUSED",
					"This Idempotency-Key was already used for a claim of another template");
		}
		return CouponView.of(this.coupons.find(previous.couponId()));
	}

	private UserCoupon issue(String userId, long templateId, String couponId) {
		if (this.templates.claimOne(templateId) == 0) {
			throw refusal(templateId);
		}
		CouponTemplate template = this.templates.find(templateId);
		for (int attempt = 1;; attempt++) {
			int claimSeq = this.coupons.countClaims(templateId, userId) + 1;
			if (claimSeq > template.perUserLimit()) {
				throw limitReached(template);
			}
			try {
				this.coupons.insert(couponId, templateId, userId, claimSeq, template.discountCents(),
						template.minSpendCents(), template.validUntil());
				log.info("coupon {} of template {} claimed by {} (#{})", couponId, templateId, userId, claimSeq);
				return this.coupons.find(couponId);
			}
			catch (DuplicateKeyException race) {
				// a concurrent claim of the same user took this claim_seq: count again
				// once
				if (attempt == 2) {
					throw limitReached(template);
				}
			}
		}
	}

	private BusinessException refusal(long templateId) {
		CouponTemplate template = this.templates.find(templateId);
		if (template == null) {
			return BusinessException.notFound("COUPON_TEMPLATE_NOT_FOUND", "No coupon template " + templateId);
		}
		if (!template.claimableAt(Instant.now())) {
			return BusinessException.unprocessable("COUPON_NOT_CLAIMABLE", "Coupon template " + templateId
					+ " can be claimed from " + template.validFrom() + " until " + template.validUntil());
		}
		return BusinessException.conflict("COUPON_SOLD_OUT", "All coupons of template " + templateId + " are claimed");
	}

	private static BusinessException limitReached(CouponTemplate template) {
		return BusinessException.conflict("CLAIM_LIMIT_REACHED",
				"At most " + template.perUserLimit() + " coupon(s) of template " + template.id() + " per user");
	}

	static String requestHash(long templateId) {
		return IdempotentRequest.sha256("claim:templateId=" + templateId);
	}

}
