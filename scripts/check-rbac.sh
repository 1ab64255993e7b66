#!/usr/bin/env bash
# Lists the permissions deploy/rbac-*.yaml grants the manager and the daemon, and fails (exit 1) on anything
# broader than they need:
#   - a rule with `*` in verbs, resources or apiGroups, or the escalate/bind/impersonate verbs;
#   - the daemon able to read Secrets outside kruise-daemon-config (CVE-2023-30617);
#   - the manager able to write Secrets cluster-wide.
# Usage: scripts/check-rbac.sh [FILE...]   (default: deploy/rbac-*.yaml)
#        scripts/check-rbac.sh --self-test (checks that the checker catches each violation)
# Needs python3; uses PyYAML when installed, else a small parser for the block YAML our manifests use.
set -euo pipefail
cd "$(dirname "$0")/.."

exec python3 - "$@" <<'PYTHON'
import glob, os, sys, tempfile

DAEMON = ("kruise-system", "kruise-daemon")
MANAGER = ("kruise-system", "kruise-manager")
DAEMON_SECRETS_NAMESPACE = "kruise-daemon-config"
WRITE_VERBS = {"create", "update", "patch", "delete", "deletecollection", "*"}
ESCALATING_VERBS = {"escalate", "bind", "impersonate"}


# ---- YAML ------------------------------------------------------------------------------------------------
def scalar(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if text in ("null", "~", ""):
        return None
    if text in ("true", "false"):
        return text == "true"
    try:
        return int(text)
    except ValueError:
        return text


def strip_comment(line):
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def flow(text):
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip()
        return [scalar(item) for item in inner.split(",")] if inner else []
    if text.startswith("{") and text.endswith("}"):
        inner = text[1:-1].strip()
        pairs = [item.partition(":") for item in inner.split(",")] if inner else []
        return {scalar(key): scalar(value) for key, _, value in pairs}
    return scalar(text)


def split_key(text):
    """`key: value` or `key:` as (key, rest); None for a plain scalar such as `--addr=:8000`."""
    if text.startswith(("[", "{", "'", '"')):
        return None
    if text.endswith(":"):
        return text[:-1], ""
    key, separator, rest = text.partition(": ")
    return (key, rest) if separator else None


def parse_block(lines, index, indent):
    """Parses the node starting at lines[index] whose lines are indented at least `indent`."""
    if index >= len(lines):
        return None, index
    first_indent, first = lines[index]
    if first.startswith("- ") or first == "-":
        items = []
        while index < len(lines) and lines[index][0] == first_indent and (lines[index][1].startswith("- ") or lines[index][1] == "-"):
            rest = lines[index][1][1:].strip()
            if not rest:
                value, index = parse_block(lines, index + 1, first_indent + 1)
            elif split_key(rest) is not None:
                # A mapping starting on the dash's line: re-indent it as a block.
                lines[index] = (first_indent + 2, rest)
                value, index = parse_block(lines, index, first_indent + 2)
            else:
                value, index = flow(rest), index + 1
            items.append(value)
        return items, index
    mapping = {}
    while index < len(lines) and lines[index][0] == first_indent and not lines[index][1].startswith("- "):
        key, rest = split_key(lines[index][1]) or (lines[index][1], "")
        key = scalar(key)
        if rest.strip():
            mapping[key], index = flow(rest), index + 1
        elif index + 1 < len(lines) and (lines[index + 1][0] > first_indent or
                                         (lines[index + 1][0] == first_indent and lines[index + 1][1].startswith("- "))):
            mapping[key], index = parse_block(lines, index + 1, first_indent)
        else:
            mapping[key], index = None, index + 1
    return mapping, index


def minimal_load_all(text):
    documents, current = [], []
    for raw in text.splitlines() + ["---"]:
        if raw.strip() == "---":
            if current:
                documents.append(parse_block(current, 0, 0)[0])
            current = []
            continue
        line = strip_comment(raw)
        if line.strip():
            current.append((len(line) - len(line.lstrip(" ")), line.strip()))
    return documents


def load_all(path):
    with open(path) as handle:
        text = handle.read()
    try:
        import yaml
    except ImportError:
        return [d for d in minimal_load_all(text) if d]
    return [d for d in yaml.safe_load_all(text) if d]


# ---- Checks ----------------------------------------------------------------------------------------------
def check(paths, quiet=False):
    objects = [o for path in paths for o in load_all(path)]
    roles = {}
    for o in objects:
        if o.get("kind") in ("Role", "ClusterRole"):
            meta = o.get("metadata") or {}
            roles[(o["kind"], meta.get("namespace"), meta["name"])] = o.get("rules") or []

    failures = []
    say = (lambda *a: None) if quiet else print

    def subject_matches(subject, account):
        return subject.get("kind") == "ServiceAccount" and (subject.get("namespace"), subject.get("name")) == account

    for account, label in ((MANAGER, "manager"), (DAEMON, "daemon")):
        say(f"== {label}: ServiceAccount {account[0]}/{account[1]}")
        for o in objects:
            if o.get("kind") not in ("RoleBinding", "ClusterRoleBinding"):
                continue
            if not any(subject_matches(s, account) for s in o.get("subjects") or []):
                continue
            ref = o["roleRef"]
            scope = None if o["kind"] == "ClusterRoleBinding" else (o.get("metadata") or {}).get("namespace")
            key = (ref["kind"], scope if ref["kind"] == "Role" else None, ref["name"])
            rules = roles.get(key)
            where = "cluster-wide" if scope is None else f"in namespace {scope}"
            say(f"  {ref['kind']} {ref['name']} ({where}, via {o['kind']} {o['metadata']['name']})")
            if rules is None:
                failures.append(f"{label}: {o['kind']} {o['metadata']['name']} refers to missing {ref['kind']} {ref['name']}")
                continue
            for rule in rules:
                groups = rule.get("apiGroups") or []
                resources = rule.get("resources") or []
                verbs = rule.get("verbs") or []
                names = rule.get("resourceNames") or []
                shown = ",".join(g if g else "core" for g in groups)
                say(f"    [{shown}] {','.join(resources)}" + (f" names={','.join(names)}" if names else "") + f": {','.join(verbs)}")
                for field, values in (("verbs", verbs), ("resources", resources), ("apiGroups", groups)):
                    if any("*" in str(v) for v in values):
                        failures.append(f"{label}: {ref['name']} grants '*' in {field}: {values}")
                if set(verbs) & ESCALATING_VERBS:
                    failures.append(f"{label}: {ref['name']} grants {sorted(set(verbs) & ESCALATING_VERBS)}")
                touches_secrets = "" in groups and "secrets" in resources
                if not touches_secrets:
                    continue
                if label == "daemon" and scope != DAEMON_SECRETS_NAMESPACE:
                    failures.append(f"daemon: {ref['name']} lets it read Secrets {where} (only {DAEMON_SECRETS_NAMESPACE} is allowed)")
                if label == "manager" and scope is None and set(verbs) & WRITE_VERBS:
                    failures.append(f"manager: {ref['name']} lets it write Secrets cluster-wide ({','.join(verbs)})")
                if label == "manager" and scope is None and not names:
                    say(f"    WARNING: the manager can read every Secret in the cluster")
    return failures


def self_test():
    base = """
apiVersion: v1
kind: ServiceAccount
metadata: {name: X, namespace: kruise-system}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: r
rules:
- apiGroups: [""]
  resources: [RESOURCE]
  verbs: [VERBS]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: b
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}
subjects:
- kind: ServiceAccount
  name: X
  namespace: kruise-system
"""
    cases = [
        ("kruise-manager", "pods", "'*'", True),
        ("kruise-manager", "'*'", "get", True),
        ("kruise-manager", "secrets", "get, create", True),
        ("kruise-daemon", "secrets", "get", True),
        ("kruise-manager", "pods", "get, bind", True),
        ("kruise-manager", "pods", "get, list", False),
        ("kruise-daemon", "pods", "get, list, watch", False),
    ]
    ok = True
    for account, resource, verbs, should_fail in cases:
        text = base.replace("X", account).replace("RESOURCE", resource).replace("VERBS", verbs)
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as handle:
            handle.write(text)
        try:
            failed = bool(check([handle.name], quiet=True))
        finally:
            os.unlink(handle.name)
        if failed != should_fail:
            ok = False
            print(f"self-test: {account} {resource} [{verbs}] expected {'a failure' if should_fail else 'no failure'}")
    # The minimal parser reads our manifests as PyYAML does.
    try:
        import yaml
        for path in sorted(glob.glob("deploy/*.yaml")):
            with open(path) as handle:
                text = handle.read()
            if [d for d in yaml.safe_load_all(text) if d] != [d for d in minimal_load_all(text) if d]:
                ok = False
                print(f"self-test: the minimal YAML parser reads {path} differently from PyYAML")
    except ImportError:
        pass
    print("check-rbac self-test: " + ("ok" if ok else "FAILED"))
    return ok


args = sys.argv[1:]
if args == ["--self-test"]:
    sys.exit(0 if self_test() else 1)
paths = args or sorted(glob.glob("deploy/rbac-*.yaml"))
if not paths:
    print("check-rbac: no deploy/rbac-*.yaml files", file=sys.stderr)
    sys.exit(1)
failures = check(paths)
if failures:
    print("\nRBAC check FAILED:")
    for failure in failures:
        print("  - " + failure)
    sys.exit(1)
print("\nRBAC check passed: no wildcards, daemon Secrets only in kruise-daemon-config, no cluster-wide Secret writes for the manager.")
PYTHON
