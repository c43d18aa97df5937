package io.tccmall.coupon.checkout;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.seata.integration.tx.api.interceptor.ActionInterceptorHandler;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The beans are CGLIB proxies, so Seata sees the implementations' methods: phase two only
 * gets {@code couponId} and {@code orderNo} if the implementation's Try carries the
 * annotations, and it can only call confirm/cancel if the class is public.
 */
class CouponActionAnnotationsTest {

	static Stream<Arguments> cases() throws Exception {
		return Stream.of(
				Arguments.of("coupon-lock",
						CouponLockActionImpl.class.getMethod("prepare", BusinessActionContext.class, String.class,
								String.class, String.class, long.class),
						new Object[] { null, "C1", "O1", "alice", 5_000L }),
				Arguments.of("coupon-use",
						CouponUseActionImpl.class.getMethod("prepare", BusinessActionContext.class, String.class,
								String.class),
						new Object[] { null, "C1", "O1" }),
				Arguments.of(
						"coupon-release", CouponReleaseActionImpl.class.getMethod("prepare",
								BusinessActionContext.class, String.class, String.class),
						new Object[] { null, "C1", "O1" }));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldCarryCouponAndOrderIntoTheActionContextFromTheImplementationMethod(String name, Method prepare,
			Object[] arguments) {
		Map<String, Object> context = new ContextReader().read(prepare, arguments);

		assertThat(context).containsEntry("couponId", "C1").containsEntry("orderNo", "O1");
		TwoPhaseBusinessAction action = prepare.getAnnotation(TwoPhaseBusinessAction.class);
		assertThat(action.name()).isEqualTo(name);
		assertThat(action.useTCCFence()).isTrue();
		Class<?> implementation = prepare.getDeclaringClass();
		assertThat(implementation.isAnnotationPresent(LocalTCC.class)).isTrue();
		assertThat(Modifier.isPublic(implementation.getModifiers())).isTrue();
	}

	static class ContextReader extends ActionInterceptorHandler {

		Map<String, Object> read(Method method, Object[] arguments) {
			return fetchActionRequestContext(method, arguments);
		}

	}

}
