#!/usr/bin/env bash
# End-to-end: SwiftKruise attached to an API server it does not run (issue "attach to any cluster"): `kruise
# apiserver` in its own process stands in for any cluster; `kruise nodes --schedule` adds simulated nodes to it;
# `kruise manager --webhook-host 127.0.0.1` runs from outside and registers its webhooks by URL. Checked: a
# CloneSet defaulted by the manager's webhook scales on the simulated nodes, its pods get the KruisePodReady gate
# and condition from the manager; after SIGKILL a restarted manager resumes; SIGTERM removes the manager's
# webhook configurations so the cluster is not left refusing requests.
# Usage: scripts/e2e-attach.sh PATH_TO_KRUISE_BINARY
set -euo pipefail
KRUISE=${1:?usage: $0 PATH_TO_KRUISE_BINARY}
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
    return 0
}
trap cleanup EXIT

source "$(dirname "$0")/e2e-lib.sh"

"$KRUISE" apiserver --data-dir "$WORK/api" --port 0 >"$WORK/apiserver.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 200); do [ -s "$WORK/api/kubeconfig" ] && break; sleep 0.1; done
[ -s "$WORK/api/kubeconfig" ] || { cat "$WORK/apiserver.log"; echo "FAIL: no kubeconfig"; exit 1; }
KUBECONFIG_FILE="$WORK/api/kubeconfig"
K() { kubectl --kubeconfig "$KUBECONFIG_FILE" --cache-dir "$WORK/cache" "$@"; }
"$KRUISE" crds | K apply -f - >/dev/null
wait_for "CloneSet CRD served" "clonesets" bash -c "kubectl --kubeconfig $KUBECONFIG_FILE api-resources --api-group=apps.kruise.io -o name 2>/dev/null | grep -o '^clonesets' | head -1"

"$KRUISE" nodes --kubeconfig "$KUBECONFIG_FILE" --count 3 --schedule --fast >"$WORK/nodes.log" 2>&1 &
NODES=$!
PIDS+=($NODES)
MANAGER=""
start_manager() {
    "$KRUISE" manager --kubeconfig "$KUBECONFIG_FILE" --no-leader-elect --health-addr 127.0.0.1:0 \
        --webhook-host 127.0.0.1 --webhook-port 0 --webhook-cert-dir "$WORK/manager-certs" >>"$WORK/manager.log" 2>&1 &
    MANAGER=$!
    PIDS+=($MANAGER)
}
start_manager
wait_for "3 simulated nodes Ready" "True True True" K get nodes -o jsonpath='{.items[*].status.conditions[?(@.type=="Ready")].status}'
check "nodes are marked simulated" "true true true" "$(K get nodes -o jsonpath='{.items[*].metadata.labels.local\.kruise\.io/simulated}')"
webhook_url() { K get mutatingwebhookconfiguration kruise-mutating-webhook-configuration -o jsonpath='{.webhooks[0].clientConfig.url}' 2>/dev/null | cut -d/ -f1-3; }
wait_for "webhooks registered by URL" "https://127.0.0.1" bash -c "kubectl --kubeconfig $KUBECONFIG_FILE get mutatingwebhookconfiguration kruise-mutating-webhook-configuration -o jsonpath='{.webhooks[0].clientConfig.url}' 2>/dev/null | cut -d: -f1-2"
FIRST_URL=$(webhook_url)

cloneset() {
    K apply -f - >/dev/null <<EOF2
apiVersion: apps.kruise.io/v1alpha1
kind: CloneSet
metadata: {name: web}
spec:
  replicas: $1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: main, image: "nginx:1.27"}]}
EOF2
}
running() { K get pods -l app=web -o jsonpath='{range .items[*]}{.status.phase}{"\n"}{end}' | grep -c Running || true; }
cloneset 3
check "defaulted by the manager's webhook" "ReCreate 20% 10" \
    "$(K get clone web -o jsonpath='{.spec.updateStrategy.type} {.spec.updateStrategy.maxUnavailable} {.spec.revisionHistoryLimit}')"
wait_for "3 pods Running on simulated nodes" "3" running
check "pods bound to simulated nodes" "kruise-node" "$(K get pods -l app=web -o jsonpath='{.items[0].spec.nodeName}' | cut -c1-11)"
check "KruisePodReady gate injected" "KruisePodReady KruisePodReady KruisePodReady" \
    "$(K get pods -l app=web -o jsonpath='{.items[*].spec.readinessGates[?(@.conditionType=="KruisePodReady")].conditionType}')"
wait_for "the gate's condition written by the manager, and pods Ready" "True True True|True True True" bash -c \
    "kubectl --kubeconfig $KUBECONFIG_FILE get pods -l app=web -o jsonpath='{.items[*].status.conditions[?(@.type==\"KruisePodReady\")].status}|{.items[*].status.conditions[?(@.type==\"Ready\")].status}'"
wait_for "CloneSet status" "3 3" K get clone web -o jsonpath='{.status.replicas} {.status.readyReplicas}'

# SIGKILL: the configurations stay (failurePolicy Fail); a restarted manager registers its new URL and resumes.
kill -9 "$MANAGER"; wait "$MANAGER" 2>/dev/null || true
check "a killed manager leaves its configurations" "$FIRST_URL" "$(webhook_url)"
start_manager
wait_for "the restarted manager registers its URL" "new" bash -c "[ \"\$(kubectl --kubeconfig $KUBECONFIG_FILE get mutatingwebhookconfiguration kruise-mutating-webhook-configuration -o jsonpath='{.webhooks[0].clientConfig.url}' | cut -d/ -f1-3)\" != '$FIRST_URL' ] && echo new"
K scale clone web --replicas=5 >/dev/null
wait_for "scaled to 5 after the restart" "5" running
wait_for "CloneSet status after the restart" "5 5" K get clone web -o jsonpath='{.status.replicas} {.status.readyReplicas}'

# SIGTERM: the manager removes its configurations; pods can still be created while it is gone.
kill -TERM "$MANAGER"
for _ in $(seq 1 100); do kill -0 "$MANAGER" 2>/dev/null || break; sleep 0.1; done
check "manager exits on SIGTERM" "gone" "$(kill -0 "$MANAGER" 2>/dev/null && echo running || echo gone)"
check "mutating configuration removed" "" "$(K get mutatingwebhookconfigurations -o name)"
check "validating configuration removed" "" "$(K get validatingwebhookconfigurations -o name)"
K run bare --image=nginx:1.27 >/dev/null
wait_for "a pod created while the manager is gone runs" "Running" K get pod bare -o jsonpath='{.status.phase}'
K apply -f - >/dev/null <<'EOF2'
apiVersion: v1
kind: Pod
metadata: {name: elsewhere}
spec: {nodeName: real-node-1, containers: [{name: main, image: nginx}]}
EOF2
sleep 2
check "a pod bound to a node that is not simulated is left alone" "Pending" "$(K get pod elsewhere -o jsonpath='{.status.phase}')"
kill -TERM "$NODES"
for _ in $(seq 1 100); do kill -0 "$NODES" 2>/dev/null || break; sleep 0.1; done
check "kruise nodes exits on SIGTERM" "gone" "$(kill -0 "$NODES" 2>/dev/null && echo running || echo gone)"

echo "attach-e2e: $PASSED passed, $FAILED failed"
if [ "$FAILED" -ne 0 ]; then
    echo "--- manager"; tail -30 "$WORK/manager.log"; echo "--- nodes"; tail -30 "$WORK/nodes.log"
    exit 1
fi
