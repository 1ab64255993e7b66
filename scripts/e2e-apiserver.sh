#!/usr/bin/env bash
# End-to-end: drives the real kubectl against `kruise apiserver` over HTTPS loopback.
# Usage: scripts/e2e-apiserver.sh PATH_TO_KRUISE_BINARY
set -euo pipefail
KRUISE=${1:?usage: $0 PATH_TO_KRUISE_BINARY}
WORK=$(mktemp -d)
MANIFESTS="$(cd "$(dirname "$0")/.." && pwd)/Tests/KubeJSONTests/Fixtures"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill -9 "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
    [ -n "${WATCH_PID:-}" ] && { kill "$WATCH_PID" 2>/dev/null || true; }
    rm -rf "$WORK"
    return 0
}
trap cleanup EXIT

source "$(dirname "$0")/e2e-lib.sh"

start_server() {
    rm -f "$WORK/kubeconfig"
    "$KRUISE" apiserver --data-dir "$WORK/data" --port 0 --kubeconfig "$WORK/kubeconfig" >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        [ -s "$WORK/kubeconfig" ] && break
        sleep 0.1
    done
    [ -s "$WORK/kubeconfig" ] || { cat "$WORK/server.log"; echo "FAIL: no kubeconfig"; exit 1; }
}

stop_server() {
    kill -9 "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

start_server
# A fresh cache per server: kubectl caches /version and discovery by host:port.
K() { kubectl --kubeconfig "$WORK/kubeconfig" --cache-dir "$WORK/cache-$SERVER_PID" "$@"; }

check "version" "v1.32.0+swiftkruise" "$(K version -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["serverVersion"]["gitVersion"])')"
check "namespaces" "default kube-node-lease kube-public kube-system" "$(K get ns -o jsonpath='{.items[*].metadata.name}')"

# Without the token the server answers 401.
SERVER=$(K config view --raw -o jsonpath='{.clusters[0].cluster.server}')
check "401 without token" "401" "$(curl -sk -o /dev/null -w '%{http_code}' "$SERVER/api/v1/namespaces")"
check "401 with a wrong token" "401" "$(curl -sk -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong' "$SERVER/version")"

# Built-in workloads: create, read, patch (all three types), scale, delete.
check "create deployment" "deployment.apps/web created" "$(K apply -f "$MANIFESTS/deploy.yaml")"
check "get deployment" "2" "$(K get deploy web -o jsonpath='{.spec.replicas}')"
check "get table" "NAME READY UP-TO-DATE AVAILABLE AGE" "$(K get deploy | head -1 | tr -s ' ')"
check "get wide" "NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR" "$(K get deploy -o wide | head -1 | tr -s ' ')"
check "get all namespaces" "NAMESPACE NAME READY UP-TO-DATE AVAILABLE AGE" "$(K get deploy -A | head -1 | tr -s ' ')"
check "explain" "FIELD: replicas <integer>" "$(K explain deployments.spec.replicas | grep '^FIELD')"

# kubectl get -w sees objects as they come.
K get configmaps -w --output-watch-events >"$WORK/watch.out" 2>&1 &
WATCH_PID=$!
sleep 1
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: watched\ndata:\n  a: b\n' | K apply -f - >/dev/null
for _ in $(seq 1 50); do grep -q watched "$WORK/watch.out" && break; sleep 0.1; done
kill "$WATCH_PID" 2>/dev/null || true
check "get -w" "ADDED watched" "$(grep watched "$WORK/watch.out" | awk '{print $1, $2}')"
K patch deploy web --type merge -p '{"metadata":{"labels":{"tier":"front"}}}' >/dev/null
check "merge patch" "front" "$(K get deploy web -o jsonpath='{.metadata.labels.tier}')"
K patch deploy web --type json -p '[{"op":"replace","path":"/spec/replicas","value":3}]' >/dev/null
check "json patch" "3" "$(K get deploy web -o jsonpath='{.spec.replicas}')"
K patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}' >/dev/null
check "strategic patch" "nginx:1.26 80" "$(K get deploy web -o jsonpath='{.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].ports[0].containerPort}')"
K scale deploy web --replicas=5 >/dev/null
check "scale" "5" "$(K get deploy web -o jsonpath='{.spec.replicas}')"
check "generation" "4" "$(K get deploy web -o jsonpath='{.metadata.generation}')"

# Server-side apply: ownership, conflicts with another manager, --force-conflicts.
cat >"$WORK/ssa.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ssa
  labels: {app: ssa}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ssa}
  template:
    metadata:
      labels: {app: ssa}
    spec:
      containers:
      - name: main
        image: nginx:1.25
YAML
check "apply --server-side" "deployment.apps/ssa serverside-applied" "$(K apply --server-side -f "$WORK/ssa.yaml")"
check "managed fields" "kubectl Apply" "$(K get deploy ssa --show-managed-fields -o jsonpath='{.metadata.managedFields[0].manager} {.metadata.managedFields[0].operation}')"
K scale deploy ssa --replicas=3 >/dev/null
sed -i 's/replicas: 2/replicas: 5/' "$WORK/ssa.yaml"
check "apply conflict" "conflict" "$(K apply --server-side -f "$WORK/ssa.yaml" 2>&1 | grep -o 'conflict' | head -1)"
K apply --server-side --force-conflicts -f "$WORK/ssa.yaml" >/dev/null
check "force-conflicts" "5" "$(K get deploy ssa -o jsonpath='{.spec.replicas}')"
K delete deploy ssa >/dev/null

# A CRD with status and scale subresources, and its custom resources.
K apply -f "$MANIFESTS/crd.yaml" >/dev/null
check "crd established" "True" "$(K get crd clonesets.apps.kruise.io -o jsonpath='{.status.conditions[?(@.type=="Established")].status}')"
check "create cloneset" "cloneset.apps.kruise.io/cs1 created" "$(K apply -f "$MANIFESTS/cloneset.yaml")"
check "short name" "cs1" "$(K get clone -o jsonpath='{.items[0].metadata.name}')"
K scale clone cs1 --replicas=7 >/dev/null
check "scale cloneset" "7" "$(K get clone cs1 -o jsonpath='{.spec.replicas}')"

# Finalizers hold a deletion until they are removed.
K apply -f "$MANIFESTS/cmfin.yaml" >/dev/null
K delete cm cmfin --wait=false >/dev/null
check "deletion timestamp" "true" "$(K get cm cmfin -o jsonpath='{.metadata.deletionTimestamp}' | grep -q . && echo true)"
K patch cm cmfin --type merge -p '{"metadata":{"finalizers":null}}' >/dev/null
check "finalized" "" "$(K get cm cmfin --ignore-not-found -o name)"

# kubectl's generator commands send protobuf bodies.
check "create namespace (protobuf)" "namespace/team created" "$(K create namespace team)"
check "create configmap (protobuf)" "configmap/settings created" "$(K create configmap settings -n team --from-literal=mode=fast)"
check "create deployment (protobuf)" "deployment.apps/api created" "$(K create deployment api -n team --image=nginx --replicas=2)"
check "create serviceaccount (protobuf)" "serviceaccount/robot created" "$(K create serviceaccount robot -n team)"
check "protobuf fields" "fast 2" "$(K get cm settings -n team -o jsonpath='{.data.mode}') $(K get deploy api -n team -o jsonpath='{.spec.replicas}')"
# Deleting the namespace deletes what is in it, then the namespace.
K delete namespace team >/dev/null
check "namespace deleted" "" "$(K get namespace team --ignore-not-found -o name)"
check "namespace contents deleted" "" "$(K get deploy,cm -n team --ignore-not-found -o name)"

# Bad input: the Status code and message kube-apiserver gives.
check "invalid name" 'The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '"'"'-'"'"' or '"'"'.'"'"', and must start and end with an alphanumeric character (e.g. '"'"'example.com'"'"', regex used for validation is '"'"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'"'"')' \
    "$(K create configmap Bad_Name --dry-run=client -o json | K create -f - 2>&1 | sed 's/^Error from server (Invalid): error when creating "STDIN": //')"
check "not found" 'Error from server (NotFound): deployments.apps "nope" not found' "$(K get deploy nope 2>&1)"

# Durability: kill -9, restart on the same data directory, everything acknowledged is there.
stop_server
start_server
check "after kill -9: deployment" "5" "$(K get deploy web -o jsonpath='{.spec.replicas}')"
check "after kill -9: cloneset" "7" "$(K get clone cs1 -o jsonpath='{.spec.replicas}')"

# Cascading deletion: the CRD takes its custom resources with it.
K delete crd clonesets.apps.kruise.io >/dev/null
check "crd gone" "" "$(K get crd --ignore-not-found -o name)"
K delete deploy web >/dev/null
check "deployment gone" "" "$(K get deploy --ignore-not-found -o name)"

# The official Python client, when a Python with it installed is given.
if [ -n "${KRUISE_E2E_PYTHON:-}" ]; then
    "$KRUISE_E2E_PYTHON" "$(dirname "$0")/e2e-python.py" "$WORK/kubeconfig" || FAILED=$((FAILED + 1))
fi

# Graceful shutdown: SIGTERM ends open watches and the server exits promptly.
K get configmaps -w >/dev/null 2>&1 &
WATCH_PID=$!
sleep 1
kill -TERM "$SERVER_PID"
STOPPED=no
for _ in $(seq 1 100); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then STOPPED=yes; break; fi
    sleep 0.1
done
check "SIGTERM stops the server within 10 s" "yes" "$STOPPED"
[ "$STOPPED" = yes ] && SERVER_PID=""

echo "kubectl-e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
