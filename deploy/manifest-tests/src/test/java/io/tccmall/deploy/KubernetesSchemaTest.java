package io.tccmall.deploy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The schema check itself: it must catch what a typo or a forgotten field does to a
 * manifest.
 */
class KubernetesSchemaTest {

	private static Map<String, Object> deployment(String containerYaml) {
		return Repo.yamlDocuments("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: { name: x }
				spec:
				  selector: { matchLabels: { app: x } }
				  template:
				    metadata: { labels: { app: x } }
				    spec:
				      containers:
				%s
				""".formatted(containerYaml.indent(8))).get(0);
	}

	@Test
	void shouldAcceptAValidDeploymentWithNamedProbePortsAndQuantities() {
		assertThatCode(() -> KubernetesSchema.validate(deployment("""
				- name: x
				  image: x:1
				  ports: [{ name: http, containerPort: 8080 }]
				  readinessProbe: { httpGet: { path: /actuator/health/readiness, port: http } }
				  resources: { limits: { cpu: "1", memory: 768Mi } }
				"""))).doesNotThrowAnyException();
	}

	@Test
	void shouldRejectAMisspelledField() {
		assertThatThrownBy(() -> KubernetesSchema.validate(deployment("""
				- name: x
				  image: x:1
				  readinesProbe: { httpGet: { path: /actuator/health/readiness, port: 8080 } }
				"""))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readinesProbe");
	}

	@Test
	void shouldRejectAMisspelledFieldDeepInside() {
		assertThatThrownBy(() -> KubernetesSchema.validate(deployment("""
				- name: x
				  image: x:1
				  readinessProbe: { httpGet: { pth: /actuator/health/readiness, port: 8080 } }
				"""))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pth");
	}

	@Test
	void shouldRejectAMissingRequiredField() {
		assertThatThrownBy(() -> KubernetesSchema.validate(deployment("""
				- image: x:1
				"""))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
	}

	@Test
	void shouldRejectAnUnknownKind() {
		assertThatThrownBy(() -> KubernetesSchema.validate(Map.of("apiVersion", "v1", "kind", "Deploymnet")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("unknown kind");
	}

	private static Map<String, Object> networkPolicy(String specYaml) {
		return Repo.yamlDocuments("""
				apiVersion: networking.k8s.io/v1
				kind: NetworkPolicy
				metadata: { name: x }
				spec:
				%s
				""".formatted(specYaml.indent(2))).get(0);
	}

	@Test
	void shouldAcceptANetworkPolicyWithSelectorsAndNamedOrNumberedPorts() {
		assertThatCode(() -> KubernetesSchema.validate(networkPolicy("""
				podSelector: { matchLabels: { app: x } }
				policyTypes: [Ingress, Egress]
				ingress:
				  - from: [ { namespaceSelector: { matchLabels: { team: y } }, podSelector: {} } ]
				    ports: [ { protocol: TCP, port: http } ]
				egress:
				  - ports: [ { protocol: UDP, port: 53 } ]
				"""))).doesNotThrowAnyException();
	}

	@Test
	void shouldRejectAMisspelledFieldOfANetworkPolicy() {
		assertThatThrownBy(() -> KubernetesSchema.validate(networkPolicy("""
				podSelector: {}
				ingress:
				  - form: [ { podSelector: {} } ]
				"""))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("form");
	}

	@Test
	void shouldRejectANetworkPolicyWithoutItsPodSelector() {
		assertThatThrownBy(() -> KubernetesSchema.validate(networkPolicy("""
				policyTypes: [Ingress]
				"""))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("podSelector");
	}

}
