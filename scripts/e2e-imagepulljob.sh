#!/usr/bin/env bash
# End-to-end: image pre-warming with the real kubectl on `kruise local --nodes 3` (ImagePullJob, ImageListPullJob,
# NodeImage, and the daemon of every simulated node): completion on every node, a failing image reaching its
# backoff limit, pull secrets copied for the daemon and released, a Never/Always job warming a node added later and
# re-pulling a re-pushed tag each period, and an ImageListPullJob summing its children.
# Usage: scripts/e2e-imagepulljob.sh PATH_TO_KRUISE_BINARY
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
EXAMPLES="$(cd "$(dirname "$0")/.." && pwd)/examples"

# A 10 s re-pull period, so one period fits in the test.
"$KRUISE" local --data-dir "$WORK/data" --port 0 --nodes 3 --fast --image-repull-period 10 >"$WORK/local.log" 2>&1 &
PID=$!
for _ in $(seq 1 200); do [ -s "$WORK/data/kubeconfig" ] && break; sleep 0.1; done
[ -s "$WORK/data/kubeconfig" ] || { cat "$WORK/local.log"; echo "FAIL: no kubeconfig"; exit 1; }
K() { kubectl --kubeconfig "$WORK/data/kubeconfig" --cache-dir "$WORK/cache" "$@"; }
wait_for "3 nodes Ready" "3" bash -c "kubectl --kubeconfig $WORK/data/kubeconfig get nodes --no-headers | grep -c ' Ready'"
wait_for "a NodeImage per node" "3" bash -c "kubectl --kubeconfig $WORK/data/kubeconfig get nodeimages --no-headers | wc -l | tr -d ' '"
NODE1=$(K get nodes -o jsonpath='{.items[0].metadata.name}')
check "NodeImage carries the node's labels" "$NODE1" "$(K get nodeimage "$NODE1" -o jsonpath='{.metadata.labels.kubernetes\.io/hostname}')"

status() { K get imagepulljob "$1" -o jsonpath='{.status.desired}/{.status.active}/{.status.succeeded}/{.status.failed}'; }

# 1. The README's example: every node pulls nginx:1.25, two at a time, and the job completes.
K apply -f "$EXAMPLES/imagepulljob.yaml" >/dev/null
wait_for "warm-nginx succeeded on 3 nodes" "3/0/3/0" status warm-nginx
check "warm-nginx completed" "job has completed" "$(K get imagepulljob warm-nginx -o jsonpath='{.status.message}')"
check "completionTime set" "yes" "$([ -n "$(K get imagepulljob warm-nginx -o jsonpath='{.status.completionTime}')" ] && echo yes || echo no)"
check "defaults from the webhook" "Always 600 3" \
    "$(K get imagelistpulljob warm-tools -o jsonpath='{.spec.completionPolicy.type} {.spec.pullPolicy.timeoutSeconds} {.spec.pullPolicy.backoffLimit}')"
check "imagePullPolicy defaults to IfNotPresent" "IfNotPresent" "$(K get imagepulljob warm-nginx -o jsonpath='{.spec.imagePullPolicy}')"
check "protection finalizer" "apps.kruise.io/deletion-protection" "$(K get imagepulljob keep-base-warm -o jsonpath='{.metadata.finalizers[0]}')"
check "kubectl get columns" "NAME TOTAL ACTIVE SUCCEED FAILED AGE MESSAGE" "$(K get imagepulljob warm-nginx | head -1 | tr -s ' ')"
check "NodeImage records the pull" "Succeeded nginx@sha256" \
    "$(K get nodeimage "$NODE1" -o jsonpath='{.status.imageStatuses.nginx.tags[0].phase} {.status.imageStatuses.nginx.tags[0].imageID}' | cut -c1-22)"
check "kubectl get nodeimage columns" "NAME DESIRED PULLING SUCCEED FAILED AGE" "$(K get nodeimages | head -1 | tr -s ' ')"

# 2. Bad input is refused with the field named.
check "Never with a TTL is refused" "denied" "$(denial 'spec.completionPolicy: activeDeadlineSeconds and ttlSecondsAfterFinished can only work with Always' \
    K apply -f - <<<'{"apiVersion":"apps.kruise.io/v1alpha1","kind":"ImagePullJob","metadata":{"name":"bad"},"spec":{"image":"nginx","completionPolicy":{"type":"Never","ttlSecondsAfterFinished":5}}}')"

# 3. An image that cannot be pulled: the node fails after backoffLimit retries and is listed.
K -n kube-system create configmap local-registry --from-literal=gone='nginx:0.0.0-gone missing' >/dev/null
K apply -f - >/dev/null <<EOF2
apiVersion: apps.kruise.io/v1alpha1
kind: ImagePullJob
metadata: {name: pull-missing}
spec:
  image: nginx:0.0.0-gone
  selector: {names: [$NODE1]}
  pullPolicy: {backoffLimit: 1, timeoutSeconds: 30}
  completionPolicy: {type: Always}
EOF2
wait_for "pull-missing fails on its node" "1/0/0/1" status pull-missing
check "failedNodes" "$NODE1" "$(K get imagepulljob pull-missing -o jsonpath='{.status.failedNodes[*]}')"
check "the daemon's error" "yes" "$(K get nodeimage "$NODE1" -o jsonpath='{.status.imageStatuses.nginx.tags[?(@.tag=="0.0.0-gone")].message}' | grep -q 'not found' && echo yes || echo no)"
check "PullImageFailed event" "yes" "$(K get events --field-selector reason=PullImageFailed -o jsonpath='{.items[*].message}' | grep -q '0.0.0-gone' && echo yes || echo no)"

# 4. Pull secrets: copied into kruise-daemon-config for the daemon, released when the job completes.
K create secret docker-registry regcred --docker-server=registry.example.com --docker-username=u --docker-password=p >/dev/null
K apply -f - >/dev/null <<'EOF2'
apiVersion: apps.kruise.io/v1alpha1
kind: ImagePullJob
metadata: {name: private}
spec:
  image: registry.example.com/team/app:1
  pullSecrets: [regcred]
  completionPolicy: {type: Never}
EOF2
wait_for "secret copied for the daemon" "default/private" bash -c "kubectl --kubeconfig $WORK/data/kubeconfig get secrets -n kruise-daemon-config -o jsonpath='{.items[*].metadata.annotations.imagepulljobs\.kruise\.io/references}'"
wait_for "private image on 3 nodes" "3/0/3/0" status private
check "NodeImage references the copy" "kruise-daemon-config" "$(K get nodeimage "$NODE1" -o jsonpath='{.spec.images.registry\.example\.com/team/app.pullSecrets[0].namespace}')"
K delete imagepulljob private --wait=true --timeout=30s >/dev/null
wait_for "copy released with the job" "" bash -c "kubectl --kubeconfig $WORK/data/kubeconfig get secrets -n kruise-daemon-config -o name"
wait_for "the job's tags leave the NodeImages" "" bash -c "kubectl --kubeconfig $WORK/data/kubeconfig get nodeimages -o jsonpath='{.items[*].spec.images.registry\.example\.com/team/app}'"

# 5. Never + Always: a node added later is warmed, and a re-pushed tag is pulled again every period.
wait_for "keep-base-warm on 3 nodes" "3/0/3/0" status keep-base-warm
check "keep-base-warm never completes" "" "$(K get imagepulljob keep-base-warm -o jsonpath='{.status.completionTime}')"
K apply -f - >/dev/null <<'EOF2'
apiVersion: v1
kind: Node
metadata:
  name: late-node
  labels: {local.kruise.io/simulated: "true", kubernetes.io/hostname: late-node}
EOF2
wait_for "the late node is warmed" "4/0/4/0" status keep-base-warm
ids() { K get nodeimages -o jsonpath='{range .items[*]}{.status.imageStatuses.busybox.tags[0].imageID}{"\n"}{end}' | sort -u | tr '\n' ' ' | sed 's/ $//'; }
BEFORE=$(ids)
check "one digest on every node" "1" "$(echo "$BEFORE" | wc -w | tr -d ' ')"
K -n kube-system patch configmap local-registry --type merge -p '{"data":{"base":"busybox:latest v2"}}' >/dev/null
changed() { local now; now=$(ids); [ -n "$now" ] && [ "$now" != "$BEFORE" ] && [ "$(echo "$now" | wc -w | tr -d ' ')" == "1" ] && [ "$(K get nodeimages -o jsonpath='{.items[*].status.imageStatuses.busybox.tags[0].phase}')" == "Succeeded Succeeded Succeeded Succeeded" ] && echo changed || echo "$now"; }
for _ in $(seq 1 3); do [ "$(changed)" == "changed" ] && break; sleep 20 & wait $!; done
wait_for "the next period records the new digest on every node" "changed" changed

# 6. An ImageListPullJob of 3 images: 3 ImagePullJobs, and their sum.
wait_for "3 child ImagePullJobs" "3" bash -c "kubectl --kubeconfig $WORK/data/kubeconfig get imagepulljobs -l controller-revision-hash --no-headers | wc -l | tr -d ' '"
check "children are owned by the list job" "ImageListPullJob ImageListPullJob ImageListPullJob" \
    "$(K get imagepulljobs -l controller-revision-hash -o jsonpath='{.items[*].metadata.ownerReferences[0].kind}')"
wait_for "warm-tools sums its children" "3/3/3" bash -c "kubectl --kubeconfig $WORK/data/kubeconfig get imagelistpulljob warm-tools -o jsonpath='{.status.desired}/{.status.completed}/{.status.succeeded}'"
check "kubectl get imagelistpulljob columns" "NAME TOTAL SUCCEEDED COMPLETED AGE" "$(K get imagelistpulljobs | head -1 | tr -s ' ')"

echo "imagepulljob-e2e: $PASSED passed, $FAILED failed"
if [ "$FAILED" -ne 0 ]; then tail -50 "$WORK/local.log"; exit 1; fi
