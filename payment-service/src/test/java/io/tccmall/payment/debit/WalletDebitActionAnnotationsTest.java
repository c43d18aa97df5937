package io.tccmall.payment.debit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

import org.apache.seata.integration.tx.api.interceptor.ActionInterceptorHandler;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bean is a CGLIB proxy, so Seata sees the implementation's methods: phase two only
 * gets {@code orderNo} if the implementation's Try carries the annotations, and it can
 * only call confirm/cancel if the class is public.
 */
class WalletDebitActionAnnotationsTest {

	@Test
	void shouldCarryTheOrderNumberIntoTheActionContextFromTheImplementationMethod() throws Exception {
		Method prepare = WalletDebitActionImpl.class.getMethod("prepare", BusinessActionContext.class, String.class,
				String.class, long.class);

		Map<String, Object> context = new ContextReader().read(prepare, new Object[] { null, "O1", "alice", 100L });

		assertThat(context).containsEntry("orderNo", "O1");
		TwoPhaseBusinessAction action = prepare.getAnnotation(TwoPhaseBusinessAction.class);
		assertThat(action.name()).isEqualTo("wallet-debit");
		assertThat(action.useTCCFence()).isTrue();
		assertThat(WalletDebitActionImpl.class.isAnnotationPresent(LocalTCC.class)).isTrue();
		assertThat(Modifier.isPublic(WalletDebitActionImpl.class.getModifiers())).isTrue();
	}

	static class ContextReader extends ActionInterceptorHandler {

		Map<String, Object> read(Method method, Object[] arguments) {
			return fetchActionRequestContext(method, arguments);
		}

	}

}
