package io.tccmall.order.order;

import io.tccmall.common.web.BusinessException;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What one shopper's unpaid orders may hold (issue 20, finding 6): placing needs no
 * funds, so without a cap one shopper could freeze the whole catalogue. An unpaid order
 * is one that still holds its stock: TRYING, AWAITING_PAYMENT, PAYING or CANCELLING.
 * Checked before the place transaction (a refusal costs no Try) and again as its last
 * step under the shopper's row lock, which is the guard: concurrent places of one shopper
 * cannot both pass.
 */
@Component
@EnableConfigurationProperties(HoldingCaps.Limits.class)
public class HoldingCaps {

	private final Limits limits;

	private final Holdings holdings;

	HoldingCaps(Limits limits, Holdings holdings) {
		this.limits = limits;
		this.holdings = holdings;
	}

	/** Refuses an order of {@code units} that would take the shopper over a cap. */
	public void check(String userId, long units) {
		Held held = this.holdings.unpaid(userId);
		if (held.orders() + 1 > this.limits.unpaidOrders()) {
			throw BusinessException.conflict("TOO_MANY_UNPAID_ORDERS",
					"You have " + held.orders() + " unpaid orders, the most a shopper may have is "
							+ this.limits.unpaidOrders() + "; pay or cancel one first");
		}
		if (held.units() + units > this.limits.unitsHeld()) {
			throw BusinessException.conflict("TOO_MANY_UNITS_HELD",
					"Your unpaid orders hold " + held.units() + " units; with " + units + " more they would pass the "
							+ this.limits.unitsHeld() + " a shopper may hold; pay or cancel an order first");
		}
	}

	/**
	 * {@link #check} under the shopper's row lock, held until the caller's transaction
	 * ends: call it inside the transaction that writes the order.
	 */
	void checkLocked(String userId, long units) {
		this.holdings.lock(userId);
		check(userId, units);
	}

	/**
	 * @param unpaidOrders how many unpaid orders a shopper may have at once
	 * @param unitsHeld how many units a shopper's unpaid orders may hold together
	 */
	@ConfigurationProperties("tccmall.order.caps")
	record Limits(int unpaidOrders, long unitsHeld) {

		Limits {
			unpaidOrders = (unpaidOrders > 0) ? unpaidOrders : 10;
			unitsHeld = (unitsHeld > 0) ? unitsHeld : 200;
		}

	}

	record Held(long orders, long units) {
	}

	@Mapper
	interface Holdings {

		@Select("""
				SELECT COUNT(DISTINCT o.order_no) AS orders, CAST(COALESCE(SUM(i.quantity), 0) AS SIGNED) AS units
				FROM orders o JOIN order_item i ON i.order_no = o.order_no
				WHERE o.user_id = #{userId} AND o.status IN ('TRYING', 'AWAITING_PAYMENT', 'PAYING', 'CANCELLING')""")
		Held unpaid(@Param("userId") String userId);

		@Insert("INSERT INTO order_holder (user_id) VALUES (#{userId}) ON DUPLICATE KEY UPDATE user_id = user_id")
		void lock(@Param("userId") String userId);

	}

}
