#!/usr/bin/env bash
# End-to-end: two `kruise manager` processes against `kruise apiserver`; the leader is killed with SIGKILL
# and the other must take the kruise-manager Lease within the lease duration plus the retry period.
# Usage: scripts/e2e-manager.sh PATH_TO_KRUISE_BINARY
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

"$KRUISE" apiserver --data-dir "$WORK/api" --port 0 --in-memory >"$WORK/api.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do [ -s "$WORK/api/kubeconfig" ] && break; sleep 0.1; done
K() { kubectl --kubeconfig "$WORK/api/kubeconfig" --cache-dir "$WORK/cache" "$@"; }
K create namespace kruise-system >/dev/null
"$KRUISE" crds | K apply -f - >/dev/null

start_manager() { # start_manager NAME
    "$KRUISE" manager --kubeconfig "$WORK/api/kubeconfig" --health-addr 127.0.0.1:0 --webhook-port 0 \
        --webhook-cert-dir "$WORK/certs-$1" >"$WORK/$1.log" 2>&1 &
    PIDS+=($!)
    eval "PID_$1=$!"
}
start_manager a
sleep 2
start_manager b
holder() { K -n kruise-system get lease kruise-manager -o jsonpath='{.spec.holderIdentity}' 2>/dev/null || true; }
for _ in $(seq 1 100); do [ -n "$(holder)" ] && break; sleep 0.2; done
FIRST=$(holder)
check "a leader holds the lease" "yes" "$([ -n "$FIRST" ] && echo yes || echo no)"
LEADER=a
grep -q "acquired lease" "$WORK/b.log" && LEADER=b
check "only one replica leads" "1" "$(grep -l "acquired lease" "$WORK/a.log" "$WORK/b.log" | wc -l | tr -d ' ')"
OTHER=$([ "$LEADER" == a ] && echo b || echo a)
eval "kill -9 \$PID_$LEADER"
eval "wait \$PID_$LEADER" 2>/dev/null || true
KILLED=$(date +%s%3N)
NEW=""
for _ in $(seq 1 150); do
    NEW=$(holder)
    [ -n "$NEW" ] && [ "$NEW" != "$FIRST" ] && break
    sleep 0.2
done
TAKEOVER=$(( $(date +%s%3N) - KILLED ))
check "the other replica takes over" "yes" "$([ -n "$NEW" ] && [ "$NEW" != "$FIRST" ] && echo yes || echo no)"
# As client-go, a candidate times the lease from when it saw the last renewal (its own clock, so skew between
# replicas cannot matter): it takes over at most lease duration (15 s) + retry period (2 s) after that
# sighting, which itself trails the renewal by up to one retry period. Plus a second for this script's
# polling through kubectl on a busy machine: 20 s.
check "within lease duration + retry period" "yes" "$([ "$TAKEOVER" -le 20000 ] && echo yes || echo "no (${TAKEOVER} ms)")"
check "survivor logged it" "yes" "$(grep -q "acquired lease" "$WORK/$OTHER.log" && echo yes || echo no)"
check "lease transitions" "1" "$(K -n kruise-system get lease kruise-manager -o jsonpath='{.spec.leaseTransitions}')"

# Graceful shutdown releases the lease at once.
eval "kill -TERM \$PID_$OTHER"
for _ in $(seq 1 50); do [ -z "$(holder)" ] && break; sleep 0.2; done
check "SIGTERM releases the lease" "" "$(holder)"

echo "manager-e2e: $PASSED passed, $FAILED failed (takeover ${TAKEOVER} ms after SIGKILL)"
[ "$FAILED" -eq 0 ]
