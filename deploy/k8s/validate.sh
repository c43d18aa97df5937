#!/usr/bin/env bash
# Offline checks of the deployment files (no cluster, no Docker, no network):
#   1. kustomize renders deploy/k8s/base and deploy/k8s/overlays/scale (kubectl kustomize, or kustomize build);
#   2. promtool (if installed, e.g. from Debian's prometheus package) checks both Prometheus configs and the PromQL
#      of every dashboard panel;
#   3. deploy/manifest-tests: the rendered manifests against the Kubernetes API schema and the project's rules, the
#      compose file, the dashboards against deploy/grafana/metrics.txt, the scrape configs against the stacks' ports.
# Usage: deploy/k8s/validate.sh [--render-only]   (writes the renderings to target/k8s/)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$REPO/target/k8s"
mkdir -p "$OUT"

if command -v kubectl >/dev/null; then
  kustomize=(kubectl kustomize)
elif command -v kustomize >/dev/null; then
  kustomize=(kustomize build)
else
  echo "error: neither kubectl nor kustomize found (apt-get install kubectl, or a kustomize binary on PATH)" >&2
  exit 1
fi
for k in base overlays/scale; do
  file="$OUT/${k//\//-}.yaml"
  "${kustomize[@]}" "$REPO/deploy/k8s/$k" >"$file"
  echo "rendered deploy/k8s/$k: $(grep -c '^kind:' "$file") objects -> ${file#"$REPO"/}"
done
[[ ${1:-} != --render-only ]] || exit 0

if command -v promtool >/dev/null && command -v jq >/dev/null; then
  # promtool wants the gateway job's token file to exist: check copies that name a placeholder token
  cp "$REPO"/deploy/prometheus/*.yml "$OUT/" && echo placeholder >"$OUT/prometheus.token"
  sed -i "s#credentials_file: .*#credentials_file: $OUT/prometheus.token#" "$OUT/prometheus.yml" "$OUT/prometheus-compose.yml"
  promtool check config "$OUT/prometheus.yml" "$OUT/prometheus-compose.yml"
  # every panel query as a recording rule, so promtool parses it ($__rate_interval is Grafana's: 5m stands in)
  {
    echo "groups:"
    for d in "$REPO"/deploy/grafana/dashboards/*.json; do
      echo "  - name: $(jq -r .uid "$d")"
      echo "    rules:"
      jq -c '.panels[] | .id as $id | .targets[] | {record: "panel_\($id)_\(.refId)", expr: (.expr | gsub("\\$__rate_interval"; "5m"))}' "$d" |
        sed 's/^/      - /'
    done
  } >"$OUT/dashboard-queries.rules.yml"
  promtool check rules --lint=none "$OUT/dashboard-queries.rules.yml"
else
  echo "promtool or jq not found: Prometheus configs and dashboard PromQL not checked by promtool"
fi

cd "$REPO" && ./mvnw -B -q -pl deploy/manifest-tests verify && echo "deploy/manifest-tests: OK"
