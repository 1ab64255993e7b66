# Shared by the end-to-end scripts: pass/fail bookkeeping and polling. Source it after `set -euo pipefail`.
PASSED=0
FAILED=0

# check NAME EXPECTED ACTUAL
check() {
    if [ "$2" == "$3" ]; then
        PASSED=$((PASSED + 1))
    else
        FAILED=$((FAILED + 1))
        echo "FAIL: $1: expected [$2], got [$3]"
    fi
}

# wait_for NAME EXPECTED COMMAND...: polls up to 60 s for the command's output, then checks it.
wait_for() {
    local name=$1 expected=$2 actual=""
    shift 2
    for _ in $(seq 1 300); do
        actual=$("$@" 2>/dev/null || true)
        [ "$actual" == "$expected" ] && break
        sleep 0.2
    done
    check "$name" "$expected" "$actual"
}

# denial TEXT COMMAND...: prints "denied" when the command fails with TEXT in its output.
denial() {
    local text=$1 output
    shift
    output=$("$@" 2>&1) && { echo "allowed"; return; }
    [[ "$output" == *"$text"* ]] && echo "denied" || echo "failed: $output"
}

# observed RESOURCE JSONPATH: the JSONPath's output for RESOURCE (through the script's K) once its controller has
# seen the latest spec (status.observedGeneration equals metadata.generation), otherwise "stale ...". Without it
# a wait for a rollout's final counts can match the status written before the spec change.
observed() {
    local out generation seen rest
    out=$(K get "$1" -o jsonpath="{.metadata.generation} {.status.observedGeneration} $2") || return 1
    read -r generation seen rest <<<"$out"
    if [ "$generation" == "$seen" ]; then echo "$rest"; else echo "stale: generation $generation, observed ${seen:-none}"; fi
}
