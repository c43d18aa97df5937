package io.tccmall.deploy;

import static io.tccmall.deploy.Repo.at;
import static io.tccmall.deploy.Repo.list;
import static io.tccmall.deploy.Repo.map;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A set of Kubernetes manifests: either a kustomization rendered by
 * {@code kubectl kustomize} (or {@code kustomize
 * build}) when one is on the PATH, or the base read as files (its resources plus the
 * ConfigMaps its generators make, without the hash suffix), which needs no tool.
 */
record Manifests(String name, List<Map<String, Object>> documents) {

	static final Path K8S = Repo.path("deploy/k8s");

	@Override
	public String toString() {
		return this.name;
	}

	/** The base as files: what the test can always check, with or without kustomize. */
	static Manifests baseFiles() {
		Path base = K8S.resolve("base");
		Map<String, Object> kustomization = Repo.yaml(base.resolve("kustomization.yaml"));
		String namespace = (String) kustomization.get("namespace");
		List<Map<String, Object>> docs = new ArrayList<>();
		for (Object resource : list(kustomization.get("resources"))) {
			for (Map<String, Object> doc : Repo.yamlDocuments(Repo.read(base.resolve((String) resource)))) {
				if (namespace != null && !"Namespace".equals(doc.get("kind"))) {
					map(doc.get("metadata")).putIfAbsent("namespace", namespace);
				}
				docs.add(doc);
			}
		}
		for (Object generator : list(kustomization.get("configMapGenerator"))) {
			Map<String, Object> g = map(generator);
			Map<String, Object> data = new LinkedHashMap<>();
			for (Object envs : list(g.get("envs"))) {
				data.putAll(Repo.envFile(base.resolve((String) envs)));
			}
			for (Object file : list(g.get("files"))) {
				String[] keyAndPath = ((String) file).split("=", 2);
				String path = keyAndPath[keyAndPath.length - 1];
				String key = keyAndPath.length == 2 ? keyAndPath[0] : Path.of(path).getFileName().toString();
				data.put(key, Repo.read(base.resolve(path)));
			}
			Map<String, Object> metadata = new LinkedHashMap<>();
			metadata.put("name", g.get("name"));
			metadata.put("namespace", namespace);
			docs.add(new LinkedHashMap<>(
					Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", metadata, "data", data)));
		}
		return new Manifests("base (files)", docs);
	}

	/**
	 * The kustomization in deploy/k8s/RELATIVE rendered, if a kustomize is on the PATH.
	 */
	static Optional<Manifests> rendered(String relative) {
		return kustomizeCommand().map((command) -> {
			List<String> cmd = new ArrayList<>(command);
			cmd.add(K8S.resolve(relative).toString());
			return new Manifests(relative + " (" + String.join(" ", command) + ")", Repo.yamlDocuments(run(cmd)));
		});
	}

	static Optional<List<String>> kustomizeCommand() {
		if (onPath("kubectl")) {
			return Optional.of(List.of("kubectl", "kustomize"));
		}
		if (onPath("kustomize")) {
			return Optional.of(List.of("kustomize", "build"));
		}
		return Optional.empty();
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		return path != null && Stream.of(path.split(File.pathSeparator))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, program)));
	}

	private static String run(List<String> command) {
		try {
			Path out = Files.createTempFile("kustomize", ".yaml");
			Path err = Files.createTempFile("kustomize", ".err");
			try {
				Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
					.redirectError(err.toFile())
					.start();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(command + " did not finish in 60 s");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException(
							command + " failed: " + Files.readString(err, StandardCharsets.UTF_8));
				}
				return Files.readString(out, StandardCharsets.UTF_8);
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(command + " could not run", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.documents.stream().filter((d) -> kind.equals(d.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return ofKind(kind).stream().filter((d) -> name.equals(at(d, "metadata.name"))).findFirst();
	}

	Map<String, Object> get(String kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " " + name));
	}

	/**
	 * The data of the ConfigMap generated as NAME (rendered names carry a hash suffix:
	 * NAME-xxxxxxxxxx).
	 */
	Map<String, Object> configMapData(String name) {
		return ofKind("ConfigMap").stream()
			.filter((d) -> ((String) at(d, "metadata.name")).matches(name + "(-[a-z0-9]{10})?"))
			.map((d) -> map(d.get("data")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(this.name + ": no ConfigMap " + name));
	}

	/** Deployments and StatefulSets. */
	List<Map<String, Object>> workloads() {
		return this.documents.stream()
			.filter((d) -> "Deployment".equals(d.get("kind")) || "StatefulSet".equals(d.get("kind")))
			.toList();
	}

	static Map<String, Object> podSpec(Map<String, Object> workload) {
		return map(at(workload, "spec.template.spec"));
	}

	/** The containers and init containers of a workload. */
	static List<Map<String, Object>> containers(Map<String, Object> workload) {
		List<Map<String, Object>> all = new ArrayList<>();
		Map<String, Object> pod = podSpec(workload);
		list(pod.get("initContainers")).forEach((c) -> all.add(map(c)));
		list(pod.get("containers")).forEach((c) -> all.add(map(c)));
		return all;
	}

}
