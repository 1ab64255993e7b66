#!/usr/bin/env bash
# End-to-end: drives the real kubectl against `kruise local` (API server, simulated nodes, built-in
# controllers) over HTTPS loopback: the acceptance scenarios of the simulated-nodes issue.
# Usage: scripts/e2e-local.sh PATH_TO_KRUISE_BINARY
set -euo pipefail
KRUISE=${1:?usage: $0 PATH_TO_KRUISE_BINARY}
WORK=$(mktemp -d)
PID=""
cleanup() {
    if [ -n "$PID" ]; then kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
    return 0
}
trap cleanup EXIT

source "$(dirname "$0")/e2e-lib.sh"

start_local() {
    rm -f "$WORK/data/kubeconfig"
    "$KRUISE" local --data-dir "$WORK/data" --port 0 --nodes 3 --zones zone-a,zone-b,zone-c --fast \
        --node-monitor-grace-period 3 >>"$WORK/local.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 200); do
        [ -s "$WORK/data/kubeconfig" ] && break
        sleep 0.1
    done
    [ -s "$WORK/data/kubeconfig" ] || { cat "$WORK/local.log"; echo "FAIL: no kubeconfig"; exit 1; }
}
K() { kubectl --kubeconfig "$WORK/data/kubeconfig" --cache-dir "$WORK/cache-$PID" "$@"; }

start_local
wait_for "3 nodes Ready" "True True True" K get nodes -o jsonpath='{.items[*].status.conditions[?(@.type=="Ready")].status}'
check "zones round-robin" "zone-a zone-b zone-c" "$(K get nodes -o jsonpath='{.items[*].metadata.labels.topology\.kubernetes\.io/zone}')"
wait_for "node leases" "3" bash -c "kubectl --kubeconfig $WORK/data/kubeconfig --cache-dir $WORK/cache-l get leases -n kube-node-lease --no-headers | wc -l | tr -d ' '"

# A Deployment of 6 replicas over 3 zones becomes Available.
cat >"$WORK/deploy.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 6
  selector:
    matchLabels: {app: web}
  strategy:
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources:
          requests: {cpu: 100m, memory: 64Mi}
YAML
K apply -f "$WORK/deploy.yaml" >/dev/null
check "rollout status" "0" "$(K rollout status deploy/web --timeout=90s >/dev/null 2>&1; echo $?)"
check "available" "6" "$(K get deploy web -o jsonpath='{.status.availableReplicas}')"
check "spread over zones" "2 2 2" "$(K get pods -l app=web -o jsonpath='{range .items[*]}{.spec.nodeName}{"\n"}{end}' | sort | uniq -c | awk '{print $1}' | tr '\n' ' ' | sed 's/ $//')"
check "pod IPs" "6" "$(K get pods -l app=web -o jsonpath='{range .items[*]}{.status.podIP}{"\n"}{end}' | grep -c '^10\.')"
# Every feature gate is on in `kruise local`, KruisePodReadinessGate too: a Deployment's pods get the gate
# from the pod webhook and its condition from the pod-readiness controller.
check "KruisePodReady on deployment pods" "True True True True True True" \
    "$(K get pods -l app=web -o jsonpath='{.items[*].status.conditions[?(@.type=="KruisePodReady")].status}')"

# An image change with maxSurge=1, maxUnavailable=0: never more than 7 pods, never fewer than 6 ready.
K get pods -l app=web -w -o jsonpath='{.metadata.name} {.metadata.deletionTimestamp} {.status.conditions[?(@.type=="Ready")].status}{"\n"}' >"$WORK/rollout.watch" 2>/dev/null &
WATCH=$!
sleep 1
K set image deploy/web nginx=nginx:1.28 >/dev/null
check "rolled out new image" "0" "$(K rollout status deploy/web --timeout=90s >/dev/null 2>&1; echo $?)"
sleep 1
kill "$WATCH" 2>/dev/null || true
# Replay the watch: track each pod's latest state and check the bounds after every event.
BOUNDS=$(awk '
    { name=$1; terminating=($2 != "" && $2 !~ /^(True|False)$/); ready=($NF == "True" && !terminating)
      if (terminating) { delete live[name]; delete rdy[name] } else { live[name]=1; if (ready) rdy[name]=1; else delete rdy[name] }
      n=0; for (k in live) n++; r=0; for (k in rdy) r++
      if (NR > 6) { if (n > maxn) maxn=n; if (minr == "" || r < minr) minr=r } }
    END { print (maxn <= 7 ? "ok" : "max " maxn), (minr >= 6 ? "ok" : "min ready " minr) }' "$WORK/rollout.watch")
check "surge bounds (<=7 pods, >=6 ready)" "ok ok" "$BOUNDS"
[ "$BOUNDS" == "ok ok" ] || cp "$WORK/rollout.watch" /tmp/rollout.watch.failed
check "new image everywhere" "nginx:1.28" "$(K get pods -l app=web -o jsonpath='{.items[*].spec.containers[0].image}' | tr ' ' '\n' | sort -u)"

# A pod whose nodeSelector no node satisfies stays Pending, with kube-scheduler's condition.
K run stuck --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}' >/dev/null
wait_for "unschedulable" "False Unschedulable" K get pod stuck -o jsonpath='{.status.conditions[?(@.type=="PodScheduled")].status} {.status.conditions[?(@.type=="PodScheduled")].reason}'
check "still pending" "Pending" "$(K get pod stuck -o jsonpath='{.status.phase}')"
check "scheduler message" "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector." \
    "$(K get pod stuck -o jsonpath='{.status.conditions[?(@.type=="PodScheduled")].message}' | sed 's/ preemption:.*//')"

# A StatefulSet creates pods 0, 1, 2 in order.
cat >"$WORK/sts.yaml" <<'YAML'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: 3
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres:16
YAML
K apply -f "$WORK/sts.yaml" >/dev/null
wait_for "statefulset ready" "3" K get sts db -o jsonpath='{.status.readyReplicas}'
check "ordered creation" "db-0 db-1 db-2" "$(K get pods -l app=db --sort-by=.metadata.creationTimestamp -o jsonpath='{.items[*].metadata.name}')"
check "start order" "db-0 db-1 db-2" "$(K get pods -l app=db -o jsonpath='{range .items[*]}{.status.startTime} {.metadata.name}{"\n"}{end}' | sort | awk '{print $2}' | tr '\n' ' ' | sed 's/ $//')"

# A Job completes.
K create job once --image=busybox -- true >/dev/null
check "job complete" "0" "$(K wait --for=condition=complete job/once --timeout=60s >/dev/null 2>&1; echo $?)"
check "job succeeded" "1" "$(K get job once -o jsonpath='{.status.succeeded}')"

# An in-place image change of a bare pod restarts the container: restartCount 1, same UID.
K run solo --image=nginx:1.27 >/dev/null
wait_for "solo running" "Running true" K get pod solo -o jsonpath='{.status.phase} {.status.containerStatuses[0].ready}'
UID_BEFORE=$(K get pod solo -o jsonpath='{.metadata.uid}')
K patch pod solo -p '{"spec":{"containers":[{"name":"solo","image":"nginx:1.28"}]}}' >/dev/null
wait_for "in-place restart" "1 true docker.io/library/nginx:1.28" K get pod solo -o jsonpath='{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].ready} {.status.containerStatuses[0].image}'
check "same pod" "$UID_BEFORE" "$(K get pod solo -o jsonpath='{.metadata.uid}')"

# A node made NotReady: its pods are marked not ready, as the node lifecycle controller does.
NODE=$(K get pod solo -o jsonpath='{.spec.nodeName}')
K annotate node "$NODE" local.kruise.io/stopped=true >/dev/null
wait_for "node NotReady" "Unknown" K get node "$NODE" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'
wait_for "pods on it not ready" "False" K get pod solo -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'
wait_for "unreachable taint" "node.kubernetes.io/unreachable" bash -c "kubectl --kubeconfig $WORK/data/kubeconfig --cache-dir $WORK/cache-t get node $NODE -o jsonpath='{.spec.taints[*].key}' | tr ' ' '\n' | sort -u | head -1"
K annotate node "$NODE" local.kruise.io/stopped- >/dev/null
wait_for "node Ready again" "True" K get node "$NODE" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'

# The Kruise CRDs are installed.
check "cloneset CRD" "clonesets.apps.kruise.io" "$(K get crd clonesets.apps.kruise.io -o jsonpath='{.metadata.name}')"
check "kubectl get clonesets" "No resources found in default namespace." "$(K get clonesets 2>&1)"

# A CloneSet: pods with instance ids, kubectl scale, an in-place image update that keeps every pod.
# (the README's example)
K apply -f "$(cd "$(dirname "$0")/.." && pwd)/examples/cloneset.yaml" >/dev/null
wait_for "cloneset ready" "3 3" K get clone sample -o jsonpath='{.status.readyReplicas} {.status.updatedReadyReplicas}'
check "instance ids" "3" "$(K get pods -l app=sample -o jsonpath='{range .items[*]}{.metadata.labels.apps\.kruise\.io/cloneset-instance-id}{"\n"}{end}' | grep -c .)"
K scale clone sample --replicas=4 >/dev/null
wait_for "kubectl scale cloneset" "4" K get clone sample -o jsonpath='{.status.readyReplicas}'
UIDS_BEFORE=$(K get pods -l app=sample -o jsonpath='{.items[*].metadata.uid}' | tr ' ' '\n' | sort | tr '\n' ' ')
K patch clone sample --type merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"nginx:1.28"}]}}}}' >/dev/null
wait_for "in-place update done" "4 4" observed clone/sample '{.status.updatedReplicas} {.status.updatedReadyReplicas}'
check "in-place keeps pods" "$UIDS_BEFORE" "$(K get pods -l app=sample -o jsonpath='{.items[*].metadata.uid}' | tr ' ' '\n' | sort | tr '\n' ' ')"
check "containers restarted in place" "1 1 1 1" "$(K get pods -l app=sample -o jsonpath='{.items[*].status.containerStatuses[0].restartCount}')"
# CloneSet's webhooks: upstream's defaults are filled in, and an invalid CloneSet is refused naming the field.
check "cloneset defaults" "20% ReCreate" "$(K get clone sample -o jsonpath='{.spec.updateStrategy.maxUnavailable}') $(printf 'apiVersion: apps.kruise.io/v1alpha1\nkind: CloneSet\nmetadata: {name: defaulted}\nspec:\n  replicas: 0\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec: {containers: [{name: c, image: nginx}]}\n' | K apply -f - -o jsonpath='{.spec.updateStrategy.type}')"
check "invalid cloneset refused" "denied" "$(denial "spec.template.metadata.labels" bash -c "printf 'apiVersion: apps.kruise.io/v1alpha1\nkind: CloneSet\nmetadata: {name: bad}\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: y}}\n    spec: {containers: [{name: c, image: nginx}]}\n' | kubectl --kubeconfig $WORK/data/kubeconfig --cache-dir $WORK/cache-cs apply -f -")"

# Deletion protection (ResourcesDeletionProtection is on in the local cluster).
DENIED='forbidden by ResourcesProtectionDeletion for policy.kruise.io/delete-protection'
K create service clusterip guarded --tcp=80:80 >/dev/null
K label service guarded policy.kruise.io/delete-protection=Always >/dev/null
wait_for "webhooks registered" "kruise-validating-webhook-configuration" K get validatingwebhookconfigurations -o jsonpath='{.items[*].metadata.name}'
check "protected service denied" "denied" "$(denial "$DENIED=Always" K delete service guarded)"
K label service guarded policy.kruise.io/delete-protection- >/dev/null
check "unprotected service deleted" "0" "$(K delete service guarded >/dev/null 2>&1; echo $?)"
K label deploy web policy.kruise.io/delete-protection=Cascading >/dev/null
check "cascading deployment with replicas denied" "denied" "$(denial "$DENIED=Cascading and replicas 6>0" K delete deploy web)"
K label deploy web policy.kruise.io/delete-protection- >/dev/null
K create namespace team >/dev/null
K label namespace team policy.kruise.io/delete-protection=Cascading >/dev/null
K -n team run p --image=nginx >/dev/null
wait_for "pod in protected namespace runs" "Running" K -n team get pod p -o jsonpath='{.status.phase}'
check "cascading namespace with pods denied" "denied" "$(denial "$DENIED=Cascading and active pods 1>0" K delete namespace team)"
K -n team delete pod p --wait=true >/dev/null
check "empty cascading namespace deleted" "0" "$(K delete namespace team --wait=false >/dev/null 2>&1; echo $?)"
K label crd clonesets.apps.kruise.io policy.kruise.io/delete-protection=Always >/dev/null
check "protected CRD denied" "denied" "$(denial "$DENIED=Always" K delete crd clonesets.apps.kruise.io)"
K label crd clonesets.apps.kruise.io policy.kruise.io/delete-protection- >/dev/null
# Always on an Ingress, a Namespace and a Deployment: denied, then allowed once the label is gone.
printf 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: guarded\nspec:\n  defaultBackend:\n    service: {name: svc, port: {number: 80}}\n' | K apply -f - >/dev/null
K create namespace vault >/dev/null
K create deployment keep --image=nginx --replicas=0 >/dev/null
for object in ingress/guarded namespace/vault deployment/keep; do
    K label "$object" policy.kruise.io/delete-protection=Always >/dev/null
    check "protected $object denied" "denied" "$(denial "$DENIED=Always" K delete "$object" --wait=false)"
    K label "$object" policy.kruise.io/delete-protection- >/dev/null
    check "unprotected $object deleted" "0" "$(K delete "$object" --wait=false >/dev/null 2>&1; echo $?)"
done
# kube-system never reaches our webhooks.
K -n kube-system create service clusterip sys --tcp=80:80 >/dev/null
K -n kube-system label service sys policy.kruise.io/delete-protection=Always >/dev/null
check "kube-system left alone" "0" "$(K -n kube-system delete service sys >/dev/null 2>&1; echo $?)"

# Ctrl-C stops everything cleanly; a restart over the same data dir resumes nodes and workloads.
kill -INT "$PID"
STOPPED=timeout
for _ in $(seq 1 100); do
    if ! kill -0 "$PID" 2>/dev/null; then STOPPED=stopped; break; fi
    sleep 0.1
done
check "SIGINT stops kruise local" "stopped" "$STOPPED"
wait "$PID" 2>/dev/null || true
PID=""
start_local
wait_for "nodes after restart" "True True True" K get nodes -o jsonpath='{.items[*].status.conditions[?(@.type=="Ready")].status}'
wait_for "deployment after restart" "6" K get deploy web -o jsonpath='{.status.availableReplicas}'
check "statefulset after restart" "db-0 db-1 db-2" "$(K get pods -l app=db -o jsonpath='{.items[*].metadata.name}')"

# The install manifests for real clusters apply cleanly (last: they replace the local webhook registrations).
DEPLOY="$(cd "$(dirname "$0")/.." && pwd)/deploy"
check "kubectl apply -k deploy/" "0" "$(K apply -k "$DEPLOY" >"$WORK/apply.out" 2>&1; echo $?)"
grep -q "clusterrole.rbac.authorization.k8s.io/kruise-manager-role" "$WORK/apply.out" || { FAILED=$((FAILED + 1)); echo "FAIL: apply -k output"; cat "$WORK/apply.out"; }

echo "local-e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
