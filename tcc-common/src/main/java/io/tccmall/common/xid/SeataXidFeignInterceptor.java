package io.tccmall.common.xid;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.apache.seata.core.context.RootContext;

/**
 * Carries the Seata XID of the calling thread to the participant as the {@code TX_XID}
 * header, so that the participant's Try joins the same global transaction (Spring Cloud
 * Alibaba used to ship this; Seata does not).
 */
public class SeataXidFeignInterceptor implements RequestInterceptor {

	@Override
	public void apply(RequestTemplate template) {
		String xid = RootContext.getXID();
		if (xid != null && !xid.isBlank()) {
			template.header(RootContext.KEY_XID, xid);
		}
	}

}
