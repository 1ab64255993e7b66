#!/usr/bin/env bash
# End-to-end: WorkloadSpread with the real kubectl on `kruise local --nodes 6 --zones a,b` (upstream's
# "elastic deploy, zone-a=2, zone-b=nil" scenario and v1.6's version-aware allocation), for a Deployment and
# for a CloneSet, plus Adaptive rescheduling.
# Usage: scripts/e2e-workloadspread.sh PATH_TO_KRUISE_BINARY
set -euo pipefail
KRUISE=${1:?usage: $0 PATH_TO_KRUISE_BINARY}
WORK=$(mktemp -d)
PID=""
WATCH=""
cleanup() {
    [ -n "$WATCH" ] && kill "$WATCH" 2>/dev/null
    if [ -n "$PID" ]; then kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
    return 0
}
trap cleanup EXIT

source "$(dirname "$0")/e2e-lib.sh"
EXAMPLES="$(cd "$(dirname "$0")/.." && pwd)/examples"

"$KRUISE" local --data-dir "$WORK/data" --port 0 --nodes 6 --zones a,b --fast >"$WORK/local.log" 2>&1 &
PID=$!
for _ in $(seq 1 200); do [ -s "$WORK/data/kubeconfig" ] && break; sleep 0.1; done
[ -s "$WORK/data/kubeconfig" ] || { cat "$WORK/local.log"; echo "FAIL: no kubeconfig"; exit 1; }
K() { kubectl --kubeconfig "$WORK/data/kubeconfig" --cache-dir "$WORK/cache" "$@"; }
wait_for "6 nodes Ready" "6" bash -c "kubectl --kubeconfig $WORK/data/kubeconfig get nodes --no-headers | grep -c ' Ready'"

ZONES="$WORK/zones"
K get nodes -o jsonpath='{range .items[*]}{.metadata.name} {.metadata.labels.topology\.kubernetes\.io/zone}{"\n"}{end}' >"$ZONES"
check "zones a and b" "a a a b b b" "$(awk '{print $2}' "$ZONES" | sort | tr '\n' ' ' | sed 's/ $//')"
# pods APP: "ZONE COST" per live pod of APP (zone "-" while unscheduled).
pods() {
    K get pods -l app="$1" -o jsonpath='{range .items[*]}{.metadata.deletionTimestamp}|{.spec.nodeName}|{.metadata.annotations.controller\.kubernetes\.io/pod-deletion-cost}{"\n"}{end}' |
        awk -F'|' -v zones="$ZONES" 'BEGIN { while ((getline line < zones) > 0) { split(line, f, " "); zone[f[1]] = f[2] } }
            $1 == "" { print ($2 == "" ? "-" : zone[$2]), $3 }'
}
# subsets APP: "zone-a=N zone-b=M" for APP's live pods (plus " pending=P" for unscheduled ones).
subsets() {
    pods "$1" | awk '{ n[$1]++ } END { printf "zone-a=%d zone-b=%d", n["a"], n["b"]; if (n["-"]) printf " pending=%d", n["-"] }'
}
# costs APP: the sorted deletion costs of APP's live pods per zone, e.g. "a:200,200 b:100,100".
costs() {
    pods "$1" | sort | awk '{ c[$1] = (c[$1] == "" ? $2 : c[$1] "," $2) } END { printf "a:%s b:%s", c["a"], c["b"] }'
}
zone_a_images() {
    K get pods -l app="$1",subset=zone-a -o jsonpath='{range .items[*]}{.metadata.deletionTimestamp}|{.spec.containers[0].image}{"\n"}{end}' |
        awk -F'|' '$1 == "" { printf "%s%s", sep, $2; sep=" " }'
}
live() { K get pods -l app="$1" --no-headers 2>/dev/null | grep -vc Terminating || true; }
missing() { K get ws "$1" -o jsonpath='{.status.subsetStatuses[0].missingReplicas} {.status.subsetStatuses[1].missingReplicas}'; }
# watch_pods APP: records each pod event (name, deletion time, matched subset, pod-template-hash or revision).
watch_pods() {
    K get pods -l app="$1" -w -o jsonpath='{.metadata.name} {.metadata.deletionTimestamp}|{.metadata.annotations.apps\.kruise\.io/matched-workloadspread}|{.metadata.labels.pod-template-hash}{"\n"}' \
        >"$WORK/$1.watch" 2>/dev/null &
    WATCH=$!
    sleep 1
}
# first_new_subset FILE OLD_HASH: the subset the first pod of another version was placed in.
first_new_subset() {
    awk -F'|' -v old="$2" '$3 != "" && $3 != old { if ($2 ~ /"subset":"zone-a"/) print "zone-a"; else print "zone-b"; exit }' "$1"
}
stop_watch() { kill "$WATCH" 2>/dev/null || true; wait "$WATCH" 2>/dev/null || true; WATCH=""; }
# most_in_zone_a FILE: the most live zone-a pods of any one version seen at any moment of a watch.
most_in_zone_a() {
    awk -F'|' '
        { split($1, head, " "); name=head[1]; terminating=(head[2] != ""); subset=($2 ~ /"subset":"zone-a"/) ? "a" : "b"
          if (terminating) delete where[name]; else where[name]=subset "/" $3
          delete count; for (k in where) if (where[k] ~ /^a\//) count[where[k]]++
          for (v in count) if (count[v] > most) most=count[v] }
        END { print most+0 }' "$1"
}

# 1. The README's example: a Deployment spread over zone a (at most 2) and zone b (the rest).
K apply -f "$EXAMPLES/workloadspread.yaml" >/dev/null
check "kubectl get ws" "ws-web" "$(K get ws -o jsonpath='{.items[*].metadata.name}')"
wait_for "2 replicas: both in zone-a" "zone-a=2 zone-b=0" subsets web
wait_for "zone-a pods cost 200" "a:200,200 b:" costs web
check "subset patch applied" "zone-a zone-a" "$(K get pods -l app=web -o jsonpath='{.items[*].metadata.labels.subset}')"
check "matched-workloadspread annotation" '{"name":"ws-web","subset":"zone-a"}' "$(K get pods -l app=web -o jsonpath='{.items[0].metadata.annotations.apps\.kruise\.io/matched-workloadspread}')"

# 2. Scale to 6: zone-a keeps 2, zone-b takes 4; costs 200 / 100.
K scale deploy web --replicas=6 >/dev/null
wait_for "6 replicas: 2 + 4" "zone-a=2 zone-b=4" subsets web
wait_for "costs 200 in a, 100 in b" "a:200,200 b:100,100,100,100" costs web
wait_for "zone-a full, zone-b unlimited" "0 -1" missing ws-web

# 3. An image change with maxSurge (25%): zone-a never holds more than 2 pods of one version, and ends with 2 new ones.
OLD_HASH=$(K get pods -l app=web -o jsonpath='{.items[0].metadata.labels.pod-template-hash}')
watch_pods web
K set image deploy/web main=nginx:1.28 >/dev/null
check "rollout" "0" "$(K rollout status deploy/web --timeout=120s >/dev/null 2>&1; echo $?)"
wait_for "after the rollout: 2 + 4" "zone-a=2 zone-b=4" subsets web
sleep 1
stop_watch
check "at most 2 pods of a version in zone-a at any moment" "2" "$(most_in_zone_a "$WORK/web.watch")"
# v1.6: the first surge pod of the new version goes to zone-a although zone-a's old pods are still there.
check "the new version starts in zone-a" "zone-a" "$(first_new_subset "$WORK/web.watch" "$OLD_HASH")"
wait_for "zone-a holds new-version pods" "nginx:1.28 nginx:1.28" zone_a_images web
wait_for "costs after the rollout" "a:200,200 b:100,100,100,100" costs web

# 4. Scaling down removes zone-b pods first.
K scale deploy web --replicas=2 >/dev/null
wait_for "scale to 2 keeps zone-a" "zone-a=2 zone-b=0" subsets web

# 5. The same with a CloneSet (versioned allocation is on for CloneSets in SwiftKruise).
K apply -f - >/dev/null <<EOF
apiVersion: apps.kruise.io/v1alpha1
kind: WorkloadSpread
metadata: {name: ws-clone}
spec:
  targetRef: {apiVersion: apps.kruise.io/v1alpha1, kind: CloneSet, name: clone}
  subsets:
  - name: zone-a
    maxReplicas: 2
    requiredNodeSelectorTerm: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a]}]}
    patch: {metadata: {labels: {subset: zone-a}}}
  - name: zone-b
    requiredNodeSelectorTerm: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [b]}]}
---
apiVersion: apps.kruise.io/v1alpha1
kind: CloneSet
metadata: {name: clone}
spec:
  replicas: 6
  selector: {matchLabels: {app: clone}}
  updateStrategy: {type: ReCreate, maxSurge: 2, maxUnavailable: 0}
  template:
    metadata: {labels: {app: clone}}
    spec: {containers: [{name: main, image: "nginx:1.27"}]}
EOF
wait_for "cloneset: 2 + 4" "zone-a=2 zone-b=4" subsets clone
wait_for "cloneset costs" "a:200,200 b:100,100,100,100" costs clone
OLD_HASH=$(K get pods -l app=clone -o jsonpath='{.items[0].metadata.labels.pod-template-hash}')
watch_pods clone
K patch clone clone --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.28"}]' >/dev/null
wait_for "cloneset rollout" "6 6 6" observed clone/clone '{.status.replicas} {.status.updatedReplicas} {.status.updatedReadyReplicas}'
wait_for "cloneset after the rollout: 2 + 4" "zone-a=2 zone-b=4" subsets clone
sleep 1
stop_watch
check "cloneset: at most 2 of a version in zone-a" "2" "$(most_in_zone_a "$WORK/clone.watch")"
check "cloneset: the new version starts in zone-a" "zone-a" "$(first_new_subset "$WORK/clone.watch" "$OLD_HASH")"
wait_for "cloneset zone-a on the new image" "nginx:1.28 nginx:1.28" zone_a_images clone
K scale clone clone --replicas=2 >/dev/null
wait_for "cloneset scale to 2 keeps zone-a" "zone-a=2 zone-b=0" subsets clone

# 6. Adaptive: zone-a's nodes are full, so its pods cannot schedule; after rescheduleCriticalSeconds they are
# deleted, zone-a is marked unschedulable and the replacements go to zone-b.
K apply -f - >/dev/null <<EOF
apiVersion: apps.kruise.io/v1alpha1
kind: WorkloadSpread
metadata: {name: ws-adaptive}
spec:
  targetRef: {apiVersion: apps/v1, kind: Deployment, name: big}
  scheduleStrategy: {type: Adaptive, adaptive: {rescheduleCriticalSeconds: 5}}
  subsets:
  - name: zone-a
    maxReplicas: 2
    requiredNodeSelectorTerm: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a]}]}
  - name: zone-b
    requiredNodeSelectorTerm: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [b]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: big}
spec:
  replicas: 2
  selector: {matchLabels: {app: big}}
  template:
    metadata: {labels: {app: big}}
    spec:
      nodeSelector: {topology.kubernetes.io/zone: b}
      containers: [{name: main, image: "nginx:1.27"}]
EOF
# The template's nodeSelector leaves zone-a no capacity for these pods: they are Pending in zone-a first.
wait_for "zone-a marked unschedulable" "False" K get ws ws-adaptive -o jsonpath='{.status.subsetStatuses[0].conditions[?(@.type=="Schedulable")].status}'
wait_for "pods rescheduled to zone-b" "zone-a=0 zone-b=2" subsets big
wait_for "both Running" "Running Running" K get pods -l app=big -o jsonpath='{.items[*].status.phase}'

# 7. Validation names the field.
check "invalid WorkloadSpread refused" "denied" "$(denial "spec.subsets" K apply -f - <<EOF
apiVersion: apps.kruise.io/v1alpha1
kind: WorkloadSpread
metadata: {name: bad}
spec:
  targetRef: {apiVersion: apps/v1, kind: Deployment, name: other}
  subsets:
  - {name: a, maxReplicas: 1}
  - {name: a, maxReplicas: 1}
EOF
)"

echo "workloadspread-e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] || { grep -iE "error|warn" "$WORK/local.log" | tail -20; exit 1; }
