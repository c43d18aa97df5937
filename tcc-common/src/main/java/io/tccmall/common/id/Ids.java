package io.tccmall.common.id;

import com.github.f4b6a3.tsid.TsidCreator;

/**
 * Time-ordered business numbers (orders, payments, coupons): TSIDs, 13 Crockford base-32
 * characters that sort by creation time. Unique indexes in the owning tables stay the
 * final guard.
 */
public final class Ids {

	private Ids() {
	}

	public static String next() {
		return TsidCreator.getTsid().toString();
	}

}
