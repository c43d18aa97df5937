package io.tccmall.common.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

import org.springframework.aop.support.AopUtils;

/**
 * One TCC action as {@link FenceDisorderContract} drives it: the real Spring bean, the
 * state it needs before its Try, its Try call, the business rows it touches, and what
 * those rows must look like before the Try, after it, after Confirm and after Cancel.
 * Build one per test (the call counters are per instance):
 *
 * <pre>
 * FencedAction.of("stock-reserve", StockReserveAction.class, reserve)
 * 	.context("orderNo", "O-1")
 * 	.given(() -&gt; product("SKU-A", 10))
 * 	.tries(ctx -&gt; reserve.prepare(ctx, "O-1", items))
 * 	.state(() -&gt; List.of(stock("SKU-A"), reservations("O-1")))
 * 	.expect(before, afterTry, afterConfirm, afterCancel);
 * </pre>
 */
public final class FencedAction {

	private final String name;

	private final Class<?> type;

	private final Object bean;

	private final Map<String, Object> context = new LinkedHashMap<>();

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private Runnable given = () -> {
	};

	private Function<BusinessActionContext, ?> tryCall;

	private Supplier<?> state;

	private Object[] expected;

	private String retryRefusal;

	private Object recorder;

	private FencedAction(String name, Class<?> type, Object bean) {
		this.name = name;
		this.type = type;
		this.bean = bean;
	}

	/**
	 * @param name the action name ({@code @TwoPhaseBusinessAction(name)})
	 * @param type the interface callers use; Confirm and Cancel are invoked through it
	 * @param bean the Spring bean (as the application context holds it)
	 */
	public static <T> FencedAction of(String name, Class<T> type, T bean) {
		if (!type.isInterface()) {
			throw new IllegalArgumentException(type + " is not an interface");
		}
		return new FencedAction(name, type, Objects.requireNonNull(bean, name + " bean"));
	}

	/**
	 * A value Seata puts into the action context from the Try's
	 * {@code @BusinessActionContextParameter} arguments (what phase two reads).
	 */
	public FencedAction context(String key, Object value) {
		this.context.put(key, value);
		return this;
	}

	/** Creates the state the Try needs (runs after the tables were emptied). */
	public FencedAction given(Runnable given) {
		this.given = given;
		return this;
	}

	/**
	 * Calls the real Try with the context Seata would hand it and the arguments of the
	 * order under test; the same arguments every time (a retry repeats the request).
	 */
	public FencedAction tries(Function<BusinessActionContext, ?> tryCall) {
		this.tryCall = tryCall;
		return this;
	}

	/** The business rows the action touches, as a value compared with {@code equals}. */
	public FencedAction state(Supplier<?> state) {
		this.state = state;
		return this;
	}

	/**
	 * What {@link #state} must answer before the Try, after it, after Confirm, after
	 * Cancel.
	 */
	public FencedAction expect(Object before, Object afterTry, Object afterConfirm, Object afterCancel) {
		this.expected = new Object[] { before, afterTry, afterConfirm, afterCancel };
		return this;
	}

	/**
	 * The Try of a new branch for the same order (same global transaction) is refused
	 * with this code ({@code BusinessException.code()}, else the exception's simple class
	 * name) and changes nothing. By default a retried Try must be accepted as a no-op.
	 */
	public FencedAction retryRefusedWith(String code) {
		this.retryRefusal = code;
		return this;
	}

	public String name() {
		return this.name;
	}

	Class<?> type() {
		return this.type;
	}

	Map<String, Object> actionContext() {
		return this.context;
	}

	void given() {
		this.given.run();
	}

	Object callTry(BusinessActionContext ctx) {
		count("try");
		return this.tryCall.apply(ctx);
	}

	Object state() {
		return this.state.get();
	}

	Object before() {
		return this.expected[0];
	}

	Object afterTry() {
		return this.expected[1];
	}

	Object afterConfirm() {
		return this.expected[2];
	}

	Object afterCancel() {
		return this.expected[3];
	}

	String retryRefusal() {
		return this.retryRefusal;
	}

	void check() {
		if (this.tryCall == null || this.state == null || this.expected == null) {
			throw new IllegalStateException(this.name + ": tries(..), state(..) and expect(..) are required");
		}
	}

	/** The implementation class (behind Seata's and Spring's proxies). */
	Class<?> implementation() {
		return AopUtils.getTargetClass(this.bean);
	}

	/** The Try method of the implementation and its annotation. */
	Method tryMethod() {
		return Arrays.stream(implementation().getMethods())
			.filter(m -> m.isAnnotationPresent(TwoPhaseBusinessAction.class))
			.filter(m -> m.getAnnotation(TwoPhaseBusinessAction.class).name().equals(this.name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(implementation().getName()
					+ " has no public method annotated @TwoPhaseBusinessAction(name = \"" + this.name + "\")"));
	}

	TwoPhaseBusinessAction annotation() {
		return tryMethod().getAnnotation(TwoPhaseBusinessAction.class);
	}

	/** The interface method Seata's commit/rollback method name designates. */
	Method phaseTwoMethod(String methodName) {
		try {
			return this.type.getMethod(methodName, BusinessActionContext.class);
		}
		catch (NoSuchMethodException ex) {
			throw new AssertionError(this.type.getName() + " has no method " + methodName + "(BusinessActionContext)",
					ex);
		}
	}

	/**
	 * The object the fence invokes Confirm/Cancel on: the real bean behind a proxy that
	 * counts the calls.
	 */
	synchronized Object recorder() {
		if (this.recorder == null) {
			this.recorder = Proxy.newProxyInstance(this.type.getClassLoader(), new Class<?>[] { this.type },
					(proxy, method, args) -> {
						if (method.getDeclaringClass() == Object.class) {
							return switch (method.getName()) {
								case "equals" -> proxy == args[0];
								case "hashCode" -> System.identityHashCode(proxy);
								default -> "recorder of " + this.name;
							};
						}
						count(method.getName());
						try {
							return method.invoke(this.bean, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}
		return this.recorder;
	}

	private void count(String method) {
		this.calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * How often the fence let {@code method} ("try", "confirm", "cancel", ...) through.
	 */
	int calls(String method) {
		AtomicInteger count = this.calls.get(method);
		return (count != null) ? count.get() : 0;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
