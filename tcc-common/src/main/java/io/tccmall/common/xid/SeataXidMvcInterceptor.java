package io.tccmall.common.xid;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.seata.core.context.RootContext;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Binds an incoming {@code TX_XID} header to the request thread for the duration of the
 * request and unbinds it afterwards, so a pooled servlet thread never leaks one
 * transaction's XID into the next request.
 */
public class SeataXidMvcInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String xid = request.getHeader(RootContext.KEY_XID);
		if (xid != null && !xid.isBlank()) {
			// also puts it in the MDC (key X-TX-XID), which the log pattern shows
			RootContext.bind(xid);
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getHeader(RootContext.KEY_XID) != null) {
			RootContext.unbind();
		}
	}

}
