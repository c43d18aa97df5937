package io.tccmall.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Files of the repository, read as the tests need them. */
final class Repo {

	/**
	 * The five apps and their ports as deploy/local.env sets them (variable name without
	 * TCCMALL_ and _PORT).
	 */
	static final Map<String, String> APP_PORT_VARIABLES = Map.of("gateway", "GATEWAY", "order-service", "ORDER",
			"inventory-service", "INVENTORY", "payment-service", "PAYMENT", "coupon-service", "COUPON");

	private Repo() {
	}

	static Path root() {
		String root = System.getProperty("tccmall.root");
		Path start = Path.of(root != null ? root : "").toAbsolutePath().normalize();
		for (Path p = start; p != null; p = p.getParent()) {
			if (Files.isRegularFile(p.resolve("tccmall")) && Files.isRegularFile(p.resolve("deploy/local.env"))) {
				return p;
			}
		}
		throw new IllegalStateException("repository root not found from " + start);
	}

	static Path path(String relative) {
		return root().resolve(relative);
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every YAML document of the text (empty documents left out). */
	static List<Map<String, Object>> yamlDocuments(String text) {
		List<Map<String, Object>> docs = new ArrayList<>();
		for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
			if (doc != null) {
				docs.add(map(doc));
			}
		}
		return docs;
	}

	static Map<String, Object> yaml(Path file) {
		List<Map<String, Object>> docs = yamlDocuments(read(file));
		if (docs.size() != 1) {
			throw new IllegalStateException(file + ": expected one YAML document, found " + docs.size());
		}
		return docs.get(0);
	}

	/**
	 * KEY=VALUE lines (comments and blank lines skipped), as kustomize's envs files and
	 * .env files.
	 */
	static Map<String, String> envFile(Path file) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : read(file).split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int eq = trimmed.indexOf('=');
			values.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
		}
		return values;
	}

	/**
	 * The ports of deploy/local.env ({@code : "${TCCMALL_ORDER_PORT:=8081}"}), by app
	 * name.
	 */
	static Map<String, Integer> localPorts() {
		String env = read(path("deploy/local.env"));
		Map<String, Integer> ports = new LinkedHashMap<>();
		APP_PORT_VARIABLES.forEach((app, variable) -> {
			Matcher m = Pattern.compile("\\$\\{TCCMALL_" + variable + "_PORT:=(\\d+)}").matcher(env);
			if (!m.find()) {
				throw new IllegalStateException("TCCMALL_" + variable + "_PORT not found in deploy/local.env");
			}
			ports.put(app, Integer.parseInt(m.group(1)));
		});
		return ports;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		return value == null ? List.of() : (List<Object>) value;
	}

	/** The value at a dotted path of nested maps, or null. */
	static Object at(Map<String, Object> root, String dottedPath) {
		Object current = root;
		for (String key : dottedPath.split("\\.")) {
			if (!(current instanceof Map<?, ?> m)) {
				return null;
			}
			current = m.get(key);
		}
		return current;
	}

}
