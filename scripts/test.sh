#!/usr/bin/env bash
# Builds SwiftKruise and runs every test suite. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# The toolchain lives in /opt/swift on our machines; make sure it is on PATH for non-login shells.
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || { echo "swift not found: install Swift 6.1 or later" >&2; exit 1; }

swift build --build-tests
swift test --skip-build
# The CLI must build and answer.
swift run --skip-build kruise version
# deploy/ must hold the CRDs `kruise crds` prints, and least-privilege RBAC.
if ! diff -q <(swift run --skip-build kruise crds) deploy/crds/apps.kruise.io.yaml >/dev/null; then
    echo "deploy/crds/apps.kruise.io.yaml is stale: run 'swift run kruise crds > deploy/crds/apps.kruise.io.yaml'" >&2
    exit 1
fi
./scripts/check-rbac.sh

# The official Kubernetes Python client, in a virtual environment of our own.
VENV=.build/python-e2e
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import kubernetes' 2>/dev/null; then
    python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet 'kubernetes>=30' || echo "could not install the kubernetes Python client" >&2
fi
if "$VENV/bin/python" -c 'import kubernetes' 2>/dev/null; then
    export KRUISE_E2E_PYTHON="$PWD/$VENV/bin/python"
else
    echo "the kubernetes Python client is not available: skipping its end-to-end checks" >&2
fi

# End to end with the real kubectl (on our machine images) against `kruise apiserver` and `kruise local`.
if command -v kubectl >/dev/null 2>&1; then
    ./scripts/e2e-apiserver.sh "$(swift build --show-bin-path)/kruise"
    # `kruise local`: simulated nodes and the built-in controllers, driven with kubectl.
    ./scripts/e2e-local.sh "$(swift build --show-bin-path)/kruise"
    # CloneSet's acceptance scenarios, its controller in a separate `kruise manager` killed mid-rollout.
    ./scripts/e2e-cloneset.sh "$(swift build --show-bin-path)/kruise"
    # WorkloadSpread on six nodes in two zones: subsets, deletion costs, versioned surge, Adaptive.
    ./scripts/e2e-workloadspread.sh "$(swift build --show-bin-path)/kruise"
    # Image pre-warming: ImagePullJob, ImageListPullJob, NodeImage and a daemon per simulated node.
    ./scripts/e2e-imagepulljob.sh "$(swift build --show-bin-path)/kruise"
    # Attached to an API server SwiftKruise does not run: `kruise nodes` and a manager with URL webhooks.
    ./scripts/e2e-attach.sh "$(swift build --show-bin-path)/kruise"
    # Two managers: leader election survives SIGKILL of the leader.
    ./scripts/e2e-manager.sh "$(swift build --show-bin-path)/kruise"
    ./scripts/e2e-cri.sh "$(swift build --show-bin-path)/kruise"  # `kruise daemon` on a real containerd and registry; skips without them
else
    echo "kubectl not found: skipping the kubectl end-to-end script" >&2
fi
