#!/usr/bin/env bash
# End-to-end: CloneSet's acceptance scenarios with the real kubectl. `kruise local` runs the API server, the
# simulated nodes, the built-in controllers and the webhooks; the CloneSet controller runs in a separate
# `kruise manager` process, so that it can be killed with SIGKILL in the middle of a rollout and restarted.
# Usage: scripts/e2e-cloneset.sh PATH_TO_KRUISE_BINARY
set -euo pipefail
KRUISE=${1:?usage: $0 PATH_TO_KRUISE_BINARY}
WORK=$(mktemp -d)
PIDS=()
WATCH=""
cleanup() {
    [ -n "$WATCH" ] && kill "$WATCH" 2>/dev/null
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
    return 0
}
trap cleanup EXIT

source "$(dirname "$0")/e2e-lib.sh"

"$KRUISE" local --data-dir "$WORK/data" --port 0 --nodes 4 --fast \
    --controllers deployment,replicaset,statefulset,job,daemonset >"$WORK/local.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 200); do [ -s "$WORK/data/kubeconfig" ] && break; sleep 0.1; done
[ -s "$WORK/data/kubeconfig" ] || { cat "$WORK/local.log"; echo "FAIL: no kubeconfig"; exit 1; }
K() { kubectl --kubeconfig "$WORK/data/kubeconfig" --cache-dir "$WORK/cache" "$@"; }

MANAGER=""
start_manager() {
    "$KRUISE" manager --kubeconfig "$WORK/data/kubeconfig" --no-leader-elect --health-addr 127.0.0.1:0 \
        --webhook-port 0 --webhook-cert-dir "$WORK/manager-certs" >>"$WORK/manager.log" 2>&1 &
    MANAGER=$!
    PIDS+=($MANAGER)
}
start_manager
wait_for "4 nodes Ready" "True True True True" K get nodes -o jsonpath='{.items[*].status.conditions[?(@.type=="Ready")].status}'

# cloneset NAME REPLICAS STRATEGY [EXTRA_SPEC_YAML] [EXTRA_TEMPLATE_LABELS]: applies a CloneSet of nginx:1.27.
cloneset() {
    K apply -f - >/dev/null <<EOF
apiVersion: apps.kruise.io/v1alpha1
kind: CloneSet
metadata: {name: $1}
spec:
  replicas: $2
  selector: {matchLabels: {app: $1}}
  updateStrategy: $3
${4:-}
  template:
    metadata: {labels: {app: $1${5:-}}}
    spec: {containers: [{name: main, image: "nginx:1.27"}]}
EOF
}
set_image() { K patch clone "$1" --type=json -p "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"$2\"}]" >/dev/null; }
names() { K get pods -l app="$1" -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}' | sort | tr '\n' ' ' | sed 's/ $//'; }
field() { K get pods -l app="$1" -o jsonpath="{range .items[*]}{.metadata.name}={$2}{\"\\n\"}{end}" | sort | tr '\n' ' ' | sed 's/ $//'; }
ready_total() { observed clone/"$1" '{.status.replicas} {.status.readyReplicas} {.status.updatedReplicas} {.status.updatedReadyReplicas}'; }
live_count() { K get pods -l app="$1" --no-headers 2>/dev/null | grep -vc Terminating || true; }
state_count() { K get pods -l app="$1",lifecycle.apps.kruise.io/state="$2" --no-headers 2>/dev/null | wc -l | tr -d ' '; }
replicas_ready() { K get clone "$1" -o jsonpath='{.status.replicas} {.status.readyReplicas}'; }
# gone_and_count NAME POD: "gone N" once POD no longer exists among NAME's N live pods.
gone_and_count() { local n; n=$(names "$1"); [[ " $n " != *" $2 "* ]] && echo "gone $(live_count "$1")"; }
pod_exists() { K get pod "$1" >/dev/null 2>&1 && echo present || echo gone; }
# updated_at_least NAME N: "yes" once the status of the current generation counts N updated pods (a status of the
# previous generation counts every pod as updated).
updated_at_least() { local u; u=$(observed clone/"$1" '{.status.updatedReplicas}'); [[ "$u" =~ ^[0-9]+$ ]] && [ "$u" -ge "$2" ] && echo yes; }
images_running() { echo "$(ready_total "$1") $(K get pods -l app="$1" -o jsonpath='{.items[*].status.containerStatuses[0].image}' | tr ' ' '\n' | sort -u | sed 's|docker.io/library/||')"; }
# watch_pods NAME: records each event of the CloneSet's pods (name, deletion time, Ready) until stop_watch.
watch_pods() {
    K get pods -l app="$1" -w -o jsonpath='{.metadata.name} {.metadata.deletionTimestamp} {.status.conditions[?(@.type=="Ready")].status}{"\n"}' \
        >"$WORK/$1.watch" 2>/dev/null &
    WATCH=$!
    sleep 1
}
stop_watch() { kill "$WATCH" 2>/dev/null || true; wait "$WATCH" 2>/dev/null || true; WATCH=""; }
# bounds FILE SKIP: replays a watch, printing the most live pods and the fewest ready ones after the first SKIP events.
bounds() {
    awk -v skip="$2" '
        { name=$1; terminating=($2 != "" && $2 !~ /^(True|False)$/); ready=($NF == "True" && !terminating)
          if (terminating) { delete live[name]; delete rdy[name] } else { live[name]=1; if (ready) rdy[name]=1; else delete rdy[name] }
          n=0; for (k in live) n++; r=0; for (k in rdy) r++
          if (NR > skip) { if (n > maxn) maxn=n; if (minr == "" || r < minr) minr=r } }
        END { print maxn+0, minr+0 }' "$1"
}

# 1. Scale 0 → 10 → 3; podsToDelete names who goes; the specified-delete label replaces a pod.
cloneset scale 0 "{type: InPlaceIfPossible}"
K scale clone scale --replicas=10 >/dev/null
wait_for "scaled 0 to 10" "10 10 10 10" ready_total scale
check "ten instance ids" "10" "$(K get pods -l app=scale -o jsonpath='{range .items[*]}{.metadata.labels.apps\.kruise\.io/cloneset-instance-id}{"\n"}{end}' | sort -u | grep -c .)"
read -r FIRST SECOND _ <<<"$(names scale)"
K patch clone scale --type=merge -p "{\"spec\":{\"replicas\":3,\"scaleStrategy\":{\"podsToDelete\":[\"$FIRST\",\"$SECOND\"]}}}" >/dev/null
wait_for "scaled 10 to 3" "3 3" replicas_ready scale
wait_for "three pods left" "3" live_count scale
REMAINING=$(names scale)
check "podsToDelete named who goes" "gone gone" "$([[ " $REMAINING " != *" $FIRST "* ]] && echo gone || echo kept) $([[ " $REMAINING " != *" $SECOND "* ]] && echo gone || echo kept)"
# The controller drops names of pods that are gone from podsToDelete in a later sync (a conflict with its own
# status write can retry it), as upstream's truncatePodsToDelete does: eventually, not by the time they go.
wait_for "podsToDelete cleared" "scale:" K get clone scale -o jsonpath='{.metadata.name}:{.spec.scaleStrategy.podsToDelete}'
read -r VICTIM _ <<<"$REMAINING"
K label pod "$VICTIM" apps.kruise.io/specified-delete=true >/dev/null
wait_for "specified-delete replaced the pod" "gone 3" gone_and_count scale "$VICTIM"

# 2. Partition 4 of 10 keeps four pods at the old revision; partition 0 finishes.
cloneset part 10 "{type: InPlaceIfPossible, partition: 4}"
wait_for "partition cloneset ready" "10 10 10 10" ready_total part
OLD_REVISION=$(K get clone part -o jsonpath='{.status.updateRevision}')
set_image part nginx:1.28
wait_for "partition 4: six updated" "10 10 6 6" ready_total part
sleep 3
check "partition 4 holds" "10 10 6 6" "$(ready_total part)"
check "four pods at the old revision" "4" "$(K get pods -l app=part,controller-revision-hash="$OLD_REVISION" --no-headers | wc -l | tr -d ' ')"
K patch clone part --type=merge -p '{"spec":{"updateStrategy":{"partition":0}}}' >/dev/null
wait_for "partition 0: all updated" "10 10 10 10" ready_total part
check "all on the new image" "nginx:1.28" "$(K get pods -l app=part -o jsonpath='{.items[*].spec.containers[0].image}' | tr ' ' '\n' | sort -u)"

# 3. In place keeps name, UID and IP and restarts the container; ReCreate replaces the pods.
cloneset inplace 3 "{type: InPlaceIfPossible}"
wait_for "in-place cloneset ready" "3 3 3 3" ready_total inplace
BEFORE=$(field inplace '.metadata.uid}/{.status.podIP')
set_image inplace nginx:1.28
wait_for "in-place update done" "3 3 3 3 nginx:1.28" images_running inplace
check "same names, UIDs and IPs" "$BEFORE" "$(field inplace '.metadata.uid}/{.status.podIP')"
check "restartCount bumped" "1 1 1" "$(K get pods -l app=inplace -o jsonpath='{.items[*].status.containerStatuses[0].restartCount}')"
check "InPlaceUpdateReady True" "True True True" "$(K get pods -l app=inplace -o jsonpath='{.items[*].status.conditions[?(@.type=="InPlaceUpdateReady")].status}')"
cloneset recreate 3 "{type: ReCreate}"
wait_for "recreate cloneset ready" "3 3 3 3" ready_total recreate
BEFORE_NAMES=$(names recreate)
set_image recreate nginx:1.28
wait_for "recreate update done" "3 3 3 3" ready_total recreate
wait_for "recreate: three pods" "3" live_count recreate
AFTER_NAMES=$(names recreate)
check "recreate replaced every pod" "0" "$(comm -12 <(tr ' ' '\n' <<<"$BEFORE_NAMES") <(tr ' ' '\n' <<<"$AFTER_NAMES") | grep -c . || true)"

# 4. maxSurge 2, maxUnavailable 0: at most 7 pods, never fewer than 5 ready.
cloneset surge 5 "{type: ReCreate, maxSurge: 2, maxUnavailable: 0}"
wait_for "surge cloneset ready" "5 5 5 5" ready_total surge
watch_pods surge
set_image surge nginx:1.28
wait_for "surge rollout done" "5 5 5 5" ready_total surge
wait_for "surge: five pods" "5" live_count surge
sleep 1
stop_watch
check "maxSurge 2 / maxUnavailable 0 bounds (max pods, min ready)" "7 5" "$(bounds "$WORK/surge.watch" 5)"

# 5. A preDelete hook holds a pod in PreparingDelete until its label is removed; markPodNotReady takes it out of
# service first (the KruisePodReady gate the pod webhook injects turns False).
cloneset hooked 2 "{type: ReCreate}" "  lifecycle: {preDelete: {labelsHandler: {example.io/block: \"true\"}, markPodNotReady: true}}" ", example.io/block: \"true\""
wait_for "hooked cloneset ready" "2 2 2 2" ready_total hooked
check "KruisePodReady gate injected" "2" "$(K get pods -l app=hooked -o jsonpath='{range .items[*]}{.spec.readinessGates[*].conditionType}{"\n"}{end}' | grep -c KruisePodReady)"
check "KruisePodReady True" "True True" "$(K get pods -l app=hooked -o jsonpath='{.items[*].status.conditions[?(@.type=="KruisePodReady")].status}')"
K scale clone hooked --replicas=1 >/dev/null
wait_for "one pod PreparingDelete" "1" state_count hooked PreparingDelete
HELD=$(K get pods -l app=hooked,lifecycle.apps.kruise.io/state=PreparingDelete -o jsonpath='{.items[0].metadata.name}')
wait_for "markPodNotReady: held pod not Ready" "False False" K get pod "$HELD" -o jsonpath='{.status.conditions[?(@.type=="KruisePodReady")].status} {.status.conditions[?(@.type=="Ready")].status}'
sleep 3
check "held while the hook label stays" "$HELD" "$(K get pod "$HELD" -o jsonpath='{.metadata.name}' 2>/dev/null)"
check "still two pods" "2" "$(K get pods -l app=hooked --no-headers | wc -l | tr -d ' ')"
K label pod "$HELD" example.io/block- >/dev/null
wait_for "released pod deleted" "1" live_count hooked
wait_for "the held pod is the one gone" "gone" pod_exists "$HELD"

# 6. The manager killed with SIGKILL in the middle of a rollout: the restarted one finishes it, no extra pods.
cloneset crash 6 "{type: ReCreate, maxSurge: 1, maxUnavailable: 0}" "  minReadySeconds: 2"
wait_for "crash cloneset ready" "6 6 6 6" ready_total crash
watch_pods crash
set_image crash nginx:1.28
wait_for "rollout under way" "yes" updated_at_least crash 2
kill -9 "$MANAGER"
wait "$MANAGER" 2>/dev/null || true
MID=$(ready_total crash)
sleep 2
start_manager
wait_for "restarted manager finishes the rollout" "6 6 6 6" ready_total crash
wait_for "crash: six pods" "6" live_count crash
sleep 1
stop_watch
check "no extra pods across the crash (max pods, min ready)" "7 6" "$(bounds "$WORK/crash.watch" 6)"
check "killed mid-rollout" "yes" "$(read -r _ _ U _ <<<"$MID"; [ "${U:-0}" -lt 6 ] && echo yes || echo "no ($MID)")"
check "every pod on the new image" "nginx:1.28" "$(K get pods -l app=crash -o jsonpath='{.items[*].spec.containers[0].image}' | tr ' ' '\n' | sort -u)"

echo "cloneset-e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] || { tail -30 "$WORK/manager.log"; exit 1; }
