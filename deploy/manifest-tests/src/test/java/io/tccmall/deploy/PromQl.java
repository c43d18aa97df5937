package io.tccmall.deploy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads (enough PromQL for dashboards; not a full
 * parser).
 */
final class PromQl {

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "offset", "and", "or", "unless", "inf", "nan");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[[^]]*]]");

	private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	// by (a, b), on(...), ignoring (...), group_left(...): label lists, not metrics
	private static final Pattern LABEL_LIST = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

	private PromQl() {
	}

	static Set<String> metricNames(String expr) {
		String s = STRING.matcher(expr).replaceAll(" ");
		s = GRAFANA_VARIABLE.matcher(s).replaceAll(" ");
		s = LABEL_MATCHERS.matcher(s).replaceAll(" ");
		s = RANGE.matcher(s).replaceAll(" ");
		s = LABEL_LIST.matcher(s).replaceAll(" ");
		// durations (offset 5m, 1h30m) and numbers (0.95, 1e3) are not identifiers: drop
		// them before looking
		s = s.replaceAll("(?<![a-zA-Z_:0-9])(\\d+(ms|[smhdwy]))+(?![a-zA-Z_:0-9])", " ");
		s = s.replaceAll("(?<![a-zA-Z_:0-9])\\d+(\\.\\d+)?([eE][+-]?\\d+)?", " ");
		Set<String> names = new LinkedHashSet<>();
		Matcher m = IDENTIFIER.matcher(s);
		while (m.find()) {
			String token = m.group();
			boolean call = token.endsWith("(");
			String name = token.replaceAll("\\s*\\($", "");
			if (!call && !KEYWORDS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}

}
