package io.tccmall.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

/**
 * Checks a manifest against the Kubernetes API schema offline, with the models of the
 * official Java client (io.kubernetes:client-java-api, Kubernetes 1.32): their
 * {@code validateJsonElement} rejects fields the API does not define and missing required
 * fields, recursively.
 */
final class KubernetesSchema {

	private static final Gson GSON = new Gson();

	private KubernetesSchema() {
	}

	/**
	 * Throws IllegalArgumentException naming the problem when the document is not a valid
	 * object of its kind.
	 */
	static void validate(Map<String, Object> document) {
		String apiVersion = (String) document.get("apiVersion");
		String kind = (String) document.get("kind");
		if (apiVersion == null || kind == null) {
			throw new IllegalArgumentException("apiVersion and kind are required: " + document);
		}
		String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
		String model = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
				+ version.substring(1) + kind;
		Method validate;
		try {
			validate = Class.forName(model).getMethod("validateJsonElement", JsonElement.class);
		}
		catch (ClassNotFoundException | NoSuchMethodException ex) {
			throw new IllegalArgumentException("unknown kind " + apiVersion + " " + kind + " (no " + model + ")");
		}
		try {
			validate.invoke(null, GSON.toJsonTree(document));
		}
		catch (InvocationTargetException ex) {
			throw new IllegalArgumentException(apiVersion + " " + kind + ": " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
