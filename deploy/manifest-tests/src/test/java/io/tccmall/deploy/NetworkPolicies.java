package io.tccmall.deploy;

import static io.tccmall.deploy.Repo.at;
import static io.tccmall.deploy.Repo.list;
import static io.tccmall.deploy.Repo.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the NetworkPolicies of a set of manifests let through, by the rules of the
 * Kubernetes API (networking.k8s.io/v1): a pod that no policy of a direction selects is
 * open in that direction; a selected pod accepts what any rule of any selecting policy
 * allows (policies add up); a connection needs the source's egress and the destination's
 * ingress. Supports what the manifests use: pod and namespace selectors (matchLabels,
 * matchExpressions), ports by number or name, protocols, rules without peers or ports. An
 * ipBlock matches endpoints outside the cluster only (the manifests have none).
 */
final class NetworkPolicies {

	/**
	 * A pod (namespace, labels, its containers' named ports) or, with no namespace, a
	 * client or server outside the cluster.
	 */
	record Endpoint(String name, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {

		static Endpoint outside(String name) {
			return new Endpoint(name, null, Map.of(), Map.of());
		}

		static Endpoint pod(String name, String namespace, Map<String, String> labels) {
			return new Endpoint(name, namespace, labels, Map.of());
		}

		/** The pods of a Deployment or StatefulSet. */
		static Endpoint of(Map<String, Object> workload) {
			Map<String, String> labels = new LinkedHashMap<>();
			map(at(workload, "spec.template.metadata.labels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
			Map<String, Integer> ports = new LinkedHashMap<>();
			for (Map<String, Object> c : Manifests.containers(workload)) {
				for (Object p : list(c.get("ports"))) {
					Map<String, Object> port = map(p);
					if (port.get("name") != null) {
						ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
					}
				}
			}
			return new Endpoint((String) at(workload, "metadata.name"), (String) at(workload, "metadata.namespace"),
					labels, ports);
		}

		boolean isPod() {
			return this.namespace != null;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	record Port(int number, String protocol) {

		static Port tcp(int number) {
			return new Port(number, "TCP");
		}

		@Override
		public String toString() {
			return this.number + ("TCP".equals(this.protocol) ? "" : "/" + this.protocol);
		}

	}

	private final List<Map<String, Object>> policies;

	NetworkPolicies(Manifests manifests) {
		this.policies = manifests.ofKind("NetworkPolicy");
	}

	boolean isEmpty() {
		return this.policies.isEmpty();
	}

	/** Whether FROM may open a connection to TO on PORT. */
	boolean allows(Endpoint from, Endpoint to, Port port) {
		return (!from.isPod() || allowed(from, "Egress", to, to, port))
				&& (!to.isPod() || allowed(to, "Ingress", from, to, port));
	}

	/**
	 * Whether the policies selecting SUBJECT in DIRECTION let PEER through on PORT (a
	 * named port is the DESTINATION's).
	 */
	private boolean allowed(Endpoint subject, String direction, Endpoint peer, Endpoint destination, Port port) {
		boolean isolated = false;
		for (Map<String, Object> policy : this.policies) {
			String namespace = (String) at(policy, "metadata.namespace");
			Map<String, Object> spec = map(policy.get("spec"));
			if (!subject.namespace().equals(namespace) || !policyTypes(spec).contains(direction)
					|| !selects(map(spec.get("podSelector")), subject.labels())) {
				continue;
			}
			isolated = true;
			String peersKey = "Ingress".equals(direction) ? "from" : "to";
			for (Object r : list(spec.get("Ingress".equals(direction) ? "ingress" : "egress"))) {
				Map<String, Object> rule = map(r);
				List<Object> peers = list(rule.get(peersKey));
				List<Object> ports = list(rule.get("ports"));
				boolean peerOk = peers.isEmpty()
						|| peers.stream().anyMatch((p) -> peerMatches(namespace, map(p), peer));
				boolean portOk = ports.isEmpty()
						|| ports.stream().anyMatch((p) -> portMatches(map(p), port, destination));
				if (peerOk && portOk) {
					return true;
				}
			}
		}
		return !isolated;
	}

	private static List<Object> policyTypes(Map<String, Object> spec) {
		if (spec.get("policyTypes") != null) {
			return list(spec.get("policyTypes"));
		}
		return spec.get("egress") != null ? List.of("Ingress", "Egress") : List.of("Ingress");
	}

	private static boolean peerMatches(String policyNamespace, Map<String, Object> peer, Endpoint endpoint) {
		if (peer.get("ipBlock") != null) {
			return !endpoint.isPod();
		}
		if (!endpoint.isPod()) {
			return false;
		}
		Object namespaceSelector = peer.get("namespaceSelector");
		boolean namespaceOk = (namespaceSelector == null) ? endpoint.namespace().equals(policyNamespace)
				: selects(map(namespaceSelector), Map.of("kubernetes.io/metadata.name", endpoint.namespace()));
		Object podSelector = peer.get("podSelector");
		return namespaceOk && (podSelector == null || selects(map(podSelector), endpoint.labels()));
	}

	private static boolean portMatches(Map<String, Object> rulePort, Port port, Endpoint destination) {
		String protocol = (String) rulePort.getOrDefault("protocol", "TCP");
		if (!protocol.equals(port.protocol())) {
			return false;
		}
		Object p = rulePort.get("port");
		if (p == null) {
			return true;
		}
		if (p instanceof Integer number) {
			Object end = rulePort.get("endPort");
			return (end == null) ? number == port.number() : port.number() >= number && port.number() <= (Integer) end;
		}
		Integer named = destination.namedPorts().get((String) p);
		return named != null && named == port.number();
	}

	static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
		if (selector == null) {
			return true;
		}
		for (Map.Entry<String, Object> e : map(selector.getOrDefault("matchLabels", Map.of())).entrySet()) {
			if (!String.valueOf(e.getValue()).equals(labels.get(e.getKey()))) {
				return false;
			}
		}
		for (Object x : list(selector.get("matchExpressions"))) {
			Map<String, Object> expression = map(x);
			String value = labels.get((String) expression.get("key"));
			List<Object> values = list(expression.get("values"));
			boolean ok = switch ((String) expression.get("operator")) {
				case "In" -> value != null && values.contains(value);
				case "NotIn" -> value == null || !values.contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new IllegalArgumentException("unknown operator in " + expression);
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

}
