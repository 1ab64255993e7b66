#!/usr/bin/env bash
# End-to-end: `kruise daemon` against a real container runtime. A local registry (Debian's docker-registry) holds an
# OCI image this script builds from a few bytes and pushes with skopeo; a containerd with its own config, socket, root
# and state in a temporary directory (native snapshotter, no CNI) is the node's runtime; `kruise apiserver` and
# `kruise manager` are the control plane, with a Node `cri-node` marked Ready by hand. Checked: an ImagePullJob
# succeeds through containerd's CRI; containerd lists the image under the ID the NodeImage status records; a missing
# tag fails with containerd's error in the status; with imagePullPolicy Always a re-pushed tag is pulled again and the
# new image recorded; containerd restarted under the daemon is reconnected to; a private registry is pulled with the
# job's pull secret (and refused without it); /healthz and /metrics answer; SIGTERM stops the daemon cleanly. Everything listens on 127.0.0.1 and is stopped at the end.
# Needs root, containerd (with ctr), docker-registry, skopeo, python3 and kubectl; skips (exit 0) without them.
# Usage: scripts/e2e-cri.sh PATH_TO_KRUISE_BINARY
set -euo pipefail
KRUISE=${1:?usage: $0 PATH_TO_KRUISE_BINARY}

MISSING=()
for tool in containerd ctr docker-registry skopeo python3 kubectl tar gzip sha256sum; do
    command -v "$tool" >/dev/null 2>&1 || MISSING+=("$tool")
done
if [ ${#MISSING[@]} -gt 0 ]; then
    echo "cri-e2e: skipped: not installed: ${MISSING[*]} (Debian: apt-get install containerd docker-registry skopeo)"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "cri-e2e: skipped: containerd needs root"
    exit 0
fi

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    # Reverse start order: the daemon and the control plane first, then containerd, then the registries.
    local i
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
    return 0
}
trap cleanup EXIT

source "$(dirname "$0")/e2e-lib.sh"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
fail_setup() { # fail_setup MESSAGE LOG: setup failed; show the log and stop
    echo "FAIL: $1"
    [ -f "$2" ] && tail -30 "$2"
    echo "cri-e2e: $PASSED passed, $((FAILED + 1)) failed"
    exit 1
}

# make_image DIR CONTENT: an OCI image layout in DIR (tag `latest`) whose one layer is a gzipped tar of hello.txt
# holding CONTENT. Prints "<manifest digest> <config digest>". The config digest is the image ID containerd's CRI
# reports (Image.id), which is what the daemon records in a NodeImage's imageID (`<name>@<image id>`).
make_image() {
    local dir=$1 content=$2 arch diff_id layer_digest layer_size config config_digest manifest manifest_digest
    arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
    rm -rf "$dir" "$dir.src" && mkdir -p "$dir/blobs/sha256" "$dir.src"
    printf '%s\n' "$content" >"$dir.src/hello.txt"
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$dir.src" -cf "$dir/layer.tar" hello.txt
    diff_id=$(sha256sum "$dir/layer.tar" | cut -d' ' -f1)
    gzip -n -9 "$dir/layer.tar"
    layer_digest=$(sha256sum "$dir/layer.tar.gz" | cut -d' ' -f1)
    layer_size=$(stat -c %s "$dir/layer.tar.gz")
    mv "$dir/layer.tar.gz" "$dir/blobs/sha256/$layer_digest"
    config="{\"architecture\":\"$arch\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/hello.txt\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:$diff_id\"]}}"
    config_digest=$(printf '%s' "$config" | sha256sum | cut -d' ' -f1)
    printf '%s' "$config" >"$dir/blobs/sha256/$config_digest"
    manifest="{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:$config_digest\",\"size\":${#config}},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$layer_digest\",\"size\":$layer_size}]}"
    manifest_digest=$(printf '%s' "$manifest" | sha256sum | cut -d' ' -f1)
    printf '%s' "$manifest" >"$dir/blobs/sha256/$manifest_digest"
    printf '{"imageLayoutVersion":"1.0.0"}' >"$dir/oci-layout"
    printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d,"annotations":{"org.opencontainers.image.ref.name":"latest"}}]}' \
        "$manifest_digest" "${#manifest}" >"$dir/index.json"
    rm -rf "$dir.src"
    echo "sha256:$manifest_digest sha256:$config_digest"
}

# push DIR REFERENCE [CREDS]: copies the layout to the registry; prints the manifest digest the registry stores.
push() {
    local creds=()
    [ -n "${3:-}" ] && creds=(--dest-creds "$3")
    skopeo copy --insecure-policy --dest-tls-verify=false "${creds[@]}" --digestfile "$1.pushed" \
        "oci:$1:latest" "docker://$2" >"$1.push.log" 2>&1 || { cat "$1.push.log"; return 1; }
    cat "$1.pushed"
}

# start_registry NAME PORT [HTPASSWD]: a registry on 127.0.0.1:PORT storing in WORK/NAME (basic auth with HTPASSWD).
start_registry() {
    local auth=""
    [ -n "${3:-}" ] && auth=$'auth:\n  htpasswd:\n    realm: cri-e2e\n    path: '"$3"
    cat >"$WORK/$1.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $WORK/$1
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$2
$auth
EOF
    docker-registry serve "$WORK/$1.yml" >"$WORK/$1.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 100); do port_open "$2" && break; sleep 0.1; done
    port_open "$2" || fail_setup "registry $1 did not start" "$WORK/$1.log"
}

# 1. Registries: an open one, and a private one with basic auth (bcrypt htpasswd, the only kind it reads).
REG=$(free_port)
start_registry registry "$REG"
# The private registry needs a bcrypt htpasswd; Python's crypt module (gone in 3.13) makes one over libcrypt.
PRIVATE=""
if python3 -W ignore -c 'import crypt; print("puller:" + crypt.crypt("s3cret", crypt.mksalt(crypt.METHOD_BLOWFISH)))' \
    >"$WORK/htpasswd" 2>/dev/null && grep -q '^puller:\$2' "$WORK/htpasswd"; then
    PRIVATE=$(free_port)
    start_registry private "$PRIVATE" "$WORK/htpasswd"
else
    echo "cri-e2e: no bcrypt in python3's crypt module: the private-registry checks are skipped"
fi

read -r MANIFEST1 CONFIG1 < <(make_image "$WORK/image-v1" "SwiftKruise cri-e2e v1")
check "registry stores the manifest as built" "$MANIFEST1" "$(push "$WORK/image-v1" "localhost:$REG/base:latest")"
if [ -n "$PRIVATE" ]; then
    read -r PRIVATE_MANIFEST PRIVATE_CONFIG < <(make_image "$WORK/image-private" "SwiftKruise cri-e2e private")
    check "private registry stores the manifest" "$PRIVATE_MANIFEST" \
        "$(push "$WORK/image-private" "localhost:$PRIVATE/team/app:1" puller:s3cret)"
fi

# 2. containerd: its own socket, root and state; the native snapshotter (no overlay mounts needed); CNI pointed at an
# empty directory (no pods run: the CRI plugin only warns that the network is not ready); every stream server and
# debug endpoint on loopback or off; both registries plain HTTP through hosts.toml.
SOCK="$WORK/containerd.sock"
for port in "$REG" $PRIVATE; do
    mkdir -p "$WORK/certs.d/localhost:$port"
    cat >"$WORK/certs.d/localhost:$port/hosts.toml" <<EOF
server = "http://localhost:$port"

[host."http://localhost:$port"]
  capabilities = ["pull", "resolve"]
EOF
done
cat >"$WORK/containerd.toml" <<EOF
version = 2
root = "$WORK/containerd-root"
state = "$WORK/containerd-state"
disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.internal.v1.tracing", "io.containerd.tracing.processor.v1.otlp"]

[grpc]
  address = "$SOCK"

[ttrpc]
  address = "$SOCK.ttrpc"

[debug]
  address = ""

[metrics]
  address = ""

[plugins]
  [plugins."io.containerd.internal.v1.opt"]
    path = "$WORK/containerd-opt"
  [plugins."io.containerd.grpc.v1.cri"]
    stream_server_address = "127.0.0.1"
    stream_server_port = "0"
    disable_tcp_service = true
    [plugins."io.containerd.grpc.v1.cri".cni]
      bin_dir = "$WORK/cni/bin"
      conf_dir = "$WORK/cni/conf"
    [plugins."io.containerd.grpc.v1.cri".containerd]
      snapshotter = "native"
    [plugins."io.containerd.grpc.v1.cri".registry]
      config_path = "$WORK/certs.d"
EOF
start_containerd() {
    containerd --config "$WORK/containerd.toml" >>"$WORK/containerd.log" 2>&1 &
    CONTAINERD=$!
    PIDS+=($CONTAINERD)
    for _ in $(seq 1 100); do [ -S "$SOCK" ] && ctr --address "$SOCK" version >/dev/null 2>&1 && break; sleep 0.1; done
    ctr --address "$SOCK" version >/dev/null 2>&1 || fail_setup "containerd did not start" "$WORK/containerd.log"
}
start_containerd
CTR() { ctr --address "$SOCK" --namespace k8s.io "$@"; }
check "containerd's CRI plugin is up" "ok" "$(ctr --address "$SOCK" plugins ls | awk '$1 == "io.containerd.grpc.v1" && $2 == "cri" {print $NF}')"

# 3. The control plane: the embedded API server, the CRDs, the manager (ImagePullJob and NodeImage controllers and
# webhooks, served to the API server at 127.0.0.1), and a Ready node.
"$KRUISE" apiserver --data-dir "$WORK/api" --port 0 --in-memory >"$WORK/api.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 200); do [ -s "$WORK/api/kubeconfig" ] && break; sleep 0.1; done
[ -s "$WORK/api/kubeconfig" ] || fail_setup "no kubeconfig from kruise apiserver" "$WORK/api.log"
KUBECONFIG_FILE="$WORK/api/kubeconfig"
K() { kubectl --kubeconfig "$KUBECONFIG_FILE" --cache-dir "$WORK/cache" "$@"; }
"$KRUISE" crds | K apply -f - >/dev/null
K create namespace kruise-system >/dev/null
K create namespace kruise-daemon-config >/dev/null
"$KRUISE" manager --kubeconfig "$KUBECONFIG_FILE" --no-leader-elect --health-addr 127.0.0.1:0 \
    --webhook-host 127.0.0.1 --webhook-port 0 --webhook-cert-dir "$WORK/manager-certs" \
    --feature-gates ImagePullJobGate=true --nodeimage-creation-delay 0 >"$WORK/manager.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do K get validatingwebhookconfiguration -o name 2>/dev/null | grep -q . && break; sleep 0.2; done

NODE=cri-node
K apply -f - >/dev/null <<EOF
apiVersion: v1
kind: Node
metadata:
  name: $NODE
  labels: {kubernetes.io/hostname: $NODE}
EOF
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
K patch node "$NODE" --subresource=status --type merge -p "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"KubeletReady\",\"message\":\"marked Ready by e2e-cri.sh\",\"lastHeartbeatTime\":\"$NOW\",\"lastTransitionTime\":\"$NOW\"}]}}" >/dev/null
wait_for "the manager gives the node its NodeImage" "$NODE" K get nodeimage "$NODE" -o jsonpath='{.metadata.name}'

# 4. The daemon for cri-node, on containerd's socket.
ADDR=$(free_port)
"$KRUISE" daemon --kubeconfig "$KUBECONFIG_FILE" --node-name "$NODE" --socket-file "$SOCK" --addr "127.0.0.1:$ADDR" \
    >"$WORK/daemon.log" 2>&1 &
DAEMON=$!
PIDS+=($DAEMON)
healthz() { python3 -c "import urllib.request, sys; print(urllib.request.urlopen('http://127.0.0.1:$ADDR/' + sys.argv[1], timeout=2).read().decode())" "$1"; }
wait_for "daemon /healthz" "ok" healthz healthz
check "the daemon found containerd" "yes" "$(grep 'container runtime found' "$WORK/daemon.log" | grep -q 'runtime=containerd' && echo yes || echo no)"
imagepuller_metrics() { healthz metrics | grep -q '^workqueue_adds_total{name="imagepuller"}' && echo yes || echo no; }
wait_for "daemon /metrics: the image puller's queue" "yes" imagepuller_metrics

job_status() { K get imagepulljob "$1" -o jsonpath='{.status.desired}/{.status.active}/{.status.succeeded}/{.status.failed}'; }
# tag_field IMAGE TAG FIELD: FIELD of TAG's status in the NodeImage (image names hold ':' and '/', so read JSON).
tag_field() {
    K get nodeimage "$NODE" -o json | python3 -c '
import json, sys
image, tag, field = sys.argv[1:]
status = json.load(sys.stdin).get("status", {}).get("imageStatuses", {}).get(image, {})
print(next((str(t.get(field, "")) for t in status.get("tags", []) if t.get("tag") == tag), ""))' "$1" "$2" "$3"
}
pull_job() { # pull_job NAME IMAGE POLICY [PULL_SECRET]
    local secrets=""
    [ -n "${4:-}" ] && secrets="pullSecrets: [$4]"
    K apply -f - >/dev/null <<EOF
apiVersion: apps.kruise.io/v1alpha1
kind: ImagePullJob
metadata: {name: $1}
spec:
  image: $2
  imagePullPolicy: $3
  selector: {names: [$NODE]}
  pullPolicy: {backoffLimit: 1, timeoutSeconds: 60}
  completionPolicy: {type: Always}
  $secrets
EOF
}
# ctr_digest REF: the digest containerd's image REF points at ("" when containerd has no such image).
ctr_digest() { CTR images ls "name==$1" | awk 'NR > 1 {print $3}'; }

# 5. A pull through containerd: the job succeeds; the NodeImage records `<name>@<image id>`, and containerd's image
# list (the k8s.io namespace the CRI plugin keeps its images in) has the tag pointing at the pushed manifest and the
# image ID itself as a name, the same ID CRI ListImages reports as Image.id (the config digest).
BASE="localhost:$REG/base"
pull_job pull-base "$BASE:latest" IfNotPresent
wait_for "pull-base succeeds on the node" "1/0/1/0" job_status pull-base
check "NodeImage: Succeeded" "Succeeded" "$(tag_field "$BASE" latest phase)"
check "NodeImage: imageID is <name>@<config digest>" "$BASE@$CONFIG1" "$(tag_field "$BASE" latest imageID)"
check "containerd: the tag points at the pushed manifest" "$MANIFEST1" "$(ctr_digest "$BASE:latest")"
check "containerd: the image ID the NodeImage records is an image of containerd's" "$MANIFEST1" \
    "$(ctr_digest "$(tag_field "$BASE" latest imageID | sed 's/.*@//')")"
check "containerd: the repo digest" "$MANIFEST1" "$(ctr_digest "$BASE@$MANIFEST1")"

# 6. A missing tag: the job fails; the NodeImage shows containerd's NotFound as the kubelet would print it.
pull_job pull-missing "$BASE:missing" IfNotPresent
wait_for "pull-missing fails on the node" "1/0/0/1" job_status pull-missing
check "NodeImage: Failed" "Failed" "$(tag_field "$BASE" missing phase)"
MESSAGE=$(tag_field "$BASE" missing message)
check "NodeImage: containerd's NotFound in the message" "yes" \
    "$([[ "$MESSAGE" == "rpc error: code = NotFound desc = failed to pull and unpack image \"$BASE:missing\""*"not found"* ]] && echo yes || echo "no: $MESSAGE")"
check "containerd has no image for it" "" "$(ctr_digest "$BASE:missing")"

# 7. imagePullPolicy Always: the tag is re-pushed with new content; a new job's round (a new version of the tag)
# pulls it again and the NodeImage records the new image.
pull_job always-1 "$BASE:latest" Always
wait_for "always-1 succeeds" "1/0/1/0" job_status always-1
check "Always before the re-push: the first image" "$BASE@$CONFIG1" "$(tag_field "$BASE" latest imageID)"
VERSION_BEFORE=$(tag_field "$BASE" latest version)
read -r MANIFEST2 CONFIG2 < <(make_image "$WORK/image-v2" "SwiftKruise cri-e2e v2")
check "the re-push changes the manifest" "yes" "$([ "$MANIFEST2" != "$MANIFEST1" ] && [ "$CONFIG2" != "$CONFIG1" ] && echo yes || echo no)"
check "registry stores the new manifest" "$MANIFEST2" "$(push "$WORK/image-v2" "$BASE:latest")"
pull_job always-2 "$BASE:latest" Always
wait_for "always-2 succeeds" "1/0/1/0" job_status always-2
check "a new round of the tag" "yes" "$([ "$(tag_field "$BASE" latest version)" -gt "$VERSION_BEFORE" ] && echo yes || echo no)"
check "NodeImage records the new image" "$BASE@$CONFIG2" "$(tag_field "$BASE" latest imageID)"
check "containerd: the tag moved to the new manifest" "$MANIFEST2" "$(ctr_digest "$BASE:latest")"
check "containerd: the new image ID" "$MANIFEST2" "$(ctr_digest "$CONFIG2")"

# 8. containerd restarts under the running daemon: its connection comes back by itself and the next pull goes through.
kill -TERM "$CONTAINERD"
for _ in $(seq 1 100); do kill -0 "$CONTAINERD" 2>/dev/null || break; sleep 0.1; done
wait "$CONTAINERD" 2>/dev/null || true
start_containerd
pull_job after-restart "$BASE:latest" Always
wait_for "a pull after containerd's restart succeeds" "1/0/1/0" job_status after-restart
check "the same daemon pulled it" "yes" "$(kill -0 "$DAEMON" 2>/dev/null && echo yes || echo no)"
check "containerd kept its images across the restart" "$MANIFEST2" "$(ctr_digest "$BASE:latest")"

# 9. A private registry: without credentials containerd is refused; with the job's pull secret (copied into
# kruise-daemon-config, the only Secrets the daemon reads) the daemon passes them in the CRI AuthConfig.
if [ -n "$PRIVATE" ]; then
    APP="localhost:$PRIVATE/team/app"
    pull_job private-anonymous "$APP:1" IfNotPresent
    wait_for "private-anonymous fails" "1/0/0/1" job_status private-anonymous
    MESSAGE=$(tag_field "$APP" 1 message)
    check "NodeImage: the registry's refusal" "yes" \
        "$([[ "$MESSAGE" == "rpc error: code = "*"failed to pull and unpack image \"$APP:1\""*"401 Unauthorized"* ]] && echo yes || echo "no: $MESSAGE")"
    K create secret docker-registry regcred --docker-server="localhost:$PRIVATE" --docker-username=puller --docker-password=s3cret >/dev/null
    pull_job private "$APP:1" IfNotPresent regcred
    wait_for "private succeeds with the pull secret" "1/0/1/0" job_status private
    check "NodeImage: the private image" "$APP@$PRIVATE_CONFIG" "$(tag_field "$APP" 1 imageID)"
    check "the daemon read the copy in kruise-daemon-config" "kruise-daemon-config" \
        "$(K get nodeimage "$NODE" -o json | python3 -c 'import json, sys; print(json.load(sys.stdin)["spec"]["images"][sys.argv[1]]["pullSecrets"][0]["namespace"])' "$APP")"
    check "containerd: the private image" "$PRIVATE_MANIFEST" "$(ctr_digest "$APP:1")"
fi

# 10. SIGTERM: the daemon stops its pulls, then its connection to containerd, and exits 0.
kill -TERM "$DAEMON"
STATUS=0
for _ in $(seq 1 100); do kill -0 "$DAEMON" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$DAEMON" 2>/dev/null; then STATUS=timeout; else wait "$DAEMON" || STATUS=$?; fi
check "SIGTERM: the daemon exits 0 within 10 s" "0" "$STATUS"
check "SIGTERM: the CRI connection is closed" "yes" "$(grep -q 'CRI connection stopped' "$WORK/daemon.log" && echo yes || echo no)"

echo "cri-e2e: $PASSED passed, $FAILED failed"
if [ "$FAILED" -ne 0 ]; then
    for log in daemon manager containerd; do echo "--- $log.log"; tail -30 "$WORK/$log.log"; done
    exit 1
fi
