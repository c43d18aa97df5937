package io.tccmall.deploy;

import static io.tccmall.deploy.Repo.at;
import static io.tccmall.deploy.Repo.list;
import static io.tccmall.deploy.Repo.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.tccmall.deploy.NetworkPolicies.Endpoint;
import io.tccmall.deploy.NetworkPolicies.Port;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network policies of deploy/k8s, checked as a whole: every pair of endpoints (the
 * apps, the TC, MySQL/Redis/Kafka pods as README.md names them, cluster DNS, Prometheus,
 * a stray pod in the namespace, a pod of another namespace, a client outside the cluster)
 * on every port of interest, against the list of connections the threat model allows
 * (docs/architecture.md). A connection missing from the list or one too many fails.
 */
class NetworkPolicyTest {

	private static final String NAMESPACE = "tccmall";

	private static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service",
			"coupon-service");

	private static final List<String> PARTICIPANTS = List.of("inventory-service", "payment-service", "coupon-service");

	private static final int MYSQL = 3306;

	private static final int REDIS = 6379;

	private static final int KAFKA = 9092;

	private static final Port DNS_UDP = new Port(53, "UDP");

	private static final Port DNS_TCP = new Port(53, "TCP");

	/** Every port of every part, and a few no part serves. */
	private static final List<Port> PORTS = Stream
		.of(22, 80, 443, 5005, MYSQL, REDIS, 7091, 8080, 8081, 8082, 8083, 8084, 8091, KAFKA, 9093)
		.map(Port::tcp)
		.collect(ArrayList<Port>::new, List::add, List::addAll);

	static {
		PORTS.add(DNS_UDP);
		PORTS.add(DNS_TCP);
	}

	static Stream<Manifests> manifests() {
		return KubernetesManifestsTest.manifests();
	}

	private static Map<String, Endpoint> endpoints(Manifests m) {
		Map<String, Endpoint> all = new LinkedHashMap<>();
		for (Map<String, Object> workload : m.workloads()) {
			Endpoint e = Endpoint.of(workload);
			all.put(e.name(), e);
		}
		for (String infra : List.of("mysql", "redis", "kafka")) {
			all.put(infra, Endpoint.pod(infra, NAMESPACE, Map.of("app.kubernetes.io/name", infra)));
		}
		all.put("stray-pod", Endpoint.pod("stray-pod", NAMESPACE, Map.of("run", "debug")));
		all.put("kube-dns", Endpoint.pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns")));
		all.put("prometheus", Endpoint.pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus")));
		all.put("other-namespace", Endpoint.pod("other-namespace", "shop", Map.of("app.kubernetes.io/name", "web")));
		all.put("internet", Endpoint.outside("internet"));
		return all;
	}

	/** The connections the threat model allows, as "from -> to:port". */
	private static Set<String> allowed(Map<String, Endpoint> endpoints, Map<String, Integer> appPorts) {
		Set<String> allowed = new HashSet<>();
		List<Endpoint> outsideTheNamespace = endpoints.values()
			.stream()
			.filter((e) -> !NAMESPACE.equals(e.namespace()))
			.toList();
		List<Endpoint> inTheNamespace = endpoints.values()
			.stream()
			.filter((e) -> NAMESPACE.equals(e.namespace()))
			.toList();
		// clients, from anywhere outside the namespace, to the gateway
		for (Endpoint client : outsideTheNamespace) {
			allowed.add(client.name() + " -> gateway:8080");
		}
		// Prometheus scrapes every app
		appPorts.forEach((app, port) -> allowed.add("prometheus -> " + app + ":" + port));
		// the gateway: the services' public API, Redis for the rate limits
		for (String service : SERVICES) {
			allowed.add("gateway -> " + service + ":" + appPorts.get(service));
		}
		allowed.add("gateway -> redis:" + REDIS);
		// order-service: the participants' /internal/**, the TC's console
		for (String participant : PARTICIPANTS) {
			allowed.add("order-service -> " + participant + ":" + appPorts.get(participant));
		}
		allowed.add("order-service -> seata-tc:7091");
		// the four services: the TC, the database, Redis, Kafka
		for (String service : SERVICES) {
			allowed.add(service + " -> seata-tc:8091");
			allowed.add(service + " -> mysql:" + MYSQL);
			allowed.add(service + " -> redis:" + REDIS);
			allowed.add(service + " -> kafka:" + KAFKA);
		}
		// the TC: its database
		allowed.add("seata-tc -> mysql:" + MYSQL);
		// Kafka nodes among themselves
		allowed.add("kafka -> kafka:" + KAFKA);
		allowed.add("kafka -> kafka:9093");
		// the database, Redis and Kafka may be outside the namespace or the cluster: the
		// apps reach them by port
		for (Endpoint outside : outsideTheNamespace) {
			for (String service : SERVICES) {
				for (int port : List.of(MYSQL, REDIS, KAFKA)) {
					allowed.add(service + " -> " + outside.name() + ":" + port);
				}
			}
			allowed.add("gateway -> " + outside.name() + ":" + REDIS);
			allowed.add("seata-tc -> " + outside.name() + ":" + MYSQL);
		}
		// every pod of the namespace: cluster DNS
		for (Endpoint pod : inTheNamespace) {
			allowed.add(pod.name() + " -> kube-dns:" + DNS_UDP);
			allowed.add(pod.name() + " -> kube-dns:" + DNS_TCP);
		}
		return allowed;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void onlyTheConnectionsOfTheThreatModelAreAllowed(Manifests m) {
		NetworkPolicies policies = new NetworkPolicies(m);
		assertThat(policies.isEmpty()).as("%s has NetworkPolicies", m).isFalse();
		Map<String, Endpoint> endpoints = endpoints(m);
		Map<String, Integer> appPorts = Repo.localPorts();
		Set<String> expected = allowed(endpoints, appPorts);
		List<String> tooOpen = new ArrayList<>();
		List<String> tooClosed = new ArrayList<>();
		for (Endpoint from : endpoints.values()) {
			for (Endpoint to : endpoints.values()) {
				if (!NAMESPACE.equals(from.namespace()) && !NAMESPACE.equals(to.namespace())) {
					continue; // neither end is the namespace's: not these policies'
								// business
				}
				for (Port port : PORTS) {
					String connection = from.name() + " -> " + to.name() + ":" + port;
					boolean allows = policies.allows(from, to, port);
					if (allows && !expected.contains(connection)) {
						tooOpen.add(connection);
					}
					if (!allows && expected.contains(connection)) {
						tooClosed.add(connection);
					}
				}
			}
		}
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(tooOpen).as("%s allows what the threat model does not", m).isEmpty();
			softly.assertThat(tooClosed).as("%s denies what the stack needs", m).isEmpty();
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void theNamespaceDeniesEverythingByDefaultAndEveryPolicyIsInIt(Manifests m) {
		List<Map<String, Object>> policies = m.ofKind("NetworkPolicy");
		assertThat(policies).as("a default deny of ingress and egress for every pod of the namespace")
			.anySatisfy((p) -> {
				assertThat(map(at(p, "spec.podSelector"))).isEmpty();
				assertThat(list(at(p, "spec.policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
				assertThat(at(p, "spec.ingress")).isNull();
				assertThat(at(p, "spec.egress")).isNull();
			});
		for (Map<String, Object> p : policies) {
			assertThat(at(p, "metadata.namespace")).as("%s", at(p, "metadata.name")).isEqualTo(NAMESPACE);
		}
		for (Map<String, Object> workload : m.workloads()) {
			Endpoint pods = Endpoint.of(workload);
			assertThat(policies).as("%s: a policy of its own", pods.name())
				.anySatisfy((p) -> assertThat(map(at(p, "spec.podSelector.matchLabels")))
					.containsEntry("app.kubernetes.io/name", pods.name()));
		}
	}

	@Test
	void theEvaluatorFollowsTheApisRules() {
		Map<String, Object> denyIngress = Repo.yamlDocuments("""
				apiVersion: networking.k8s.io/v1
				kind: NetworkPolicy
				metadata: { name: deny, namespace: a }
				spec: { podSelector: {} }
				""").get(0);
		Map<String, Object> allowFromB = Repo.yamlDocuments("""
				apiVersion: networking.k8s.io/v1
				kind: NetworkPolicy
				metadata: { name: allow, namespace: a }
				spec:
				  podSelector: { matchLabels: { app: x } }
				  ingress:
				    - from: [ { namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: b } } } ]
				      ports: [ { port: web } ]
				""").get(0);
		Endpoint x = new Endpoint("x", "a", Map.of("app", "x"), Map.of("web", 8080));
		Endpoint y = Endpoint.pod("y", "a", Map.of("app", "y"));
		Endpoint fromB = Endpoint.pod("b", "b", Map.of());
		Endpoint fromC = Endpoint.pod("c", "c", Map.of());
		NetworkPolicies none = new NetworkPolicies(new Manifests("none", List.of()));
		assertThat(none.allows(fromC, x, Port.tcp(1))).as("no policy: open").isTrue();
		NetworkPolicies deny = new NetworkPolicies(new Manifests("deny", List.of(denyIngress)));
		assertThat(deny.allows(fromB, x, Port.tcp(8080))).isFalse();
		assertThat(deny.allows(x, fromC, Port.tcp(1))).as("egress not isolated by an ingress-only policy").isTrue();
		NetworkPolicies both = new NetworkPolicies(new Manifests("both", List.of(denyIngress, allowFromB)));
		assertThat(both.allows(fromB, x, Port.tcp(8080))).as("policies add up; named port").isTrue();
		assertThat(both.allows(fromB, x, Port.tcp(8081))).isFalse();
		assertThat(both.allows(fromB, x, new Port(8080, "UDP"))).isFalse();
		assertThat(both.allows(fromC, x, Port.tcp(8080))).isFalse();
		assertThat(both.allows(fromB, y, Port.tcp(8080))).as("y is only denied").isFalse();
		assertThat(both.allows(Endpoint.outside("internet"), x, Port.tcp(8080))).isFalse();
	}

}
