"""End-to-end: the official Kubernetes Python client against `kruise apiserver`.

Usage: python e2e-python.py KUBECONFIG
Lists, creates, patches (strategic and merge), watches and deletes through the client's typed and dynamic
APIs; prints 'N passed, N failed' and exits non-zero on a failure.
"""
import sys
import threading

from kubernetes import client, config, watch
from kubernetes.dynamic import DynamicClient

config.load_kube_config(config_file=sys.argv[1])
api = client.ApiClient()
core = client.CoreV1Api(api)
apps = client.AppsV1Api(api)
passed = failed = 0


def check(name, expected, actual):
    global passed, failed
    if expected == actual:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {name}: expected {expected!r}, got {actual!r}")


names = sorted(ns.metadata.name for ns in core.list_namespace().items)
check("list namespaces", ["default", "kube-node-lease", "kube-public", "kube-system"], names)

# A watch started before the writes sees them.
events = []
ready = threading.Event()


def watch_config_maps():
    stream = watch.Watch()
    ready.set()
    for event in stream.stream(core.list_namespaced_config_map, "default", timeout_seconds=10):
        if event["object"].metadata.name != "py":
            continue  # objects other checks left in the namespace
        events.append((event["type"], event["object"].metadata.name))
        if event["type"] == "DELETED":
            stream.stop()


watcher = threading.Thread(target=watch_config_maps)
watcher.start()
ready.wait()

created = core.create_namespaced_config_map(
    "default", client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py", labels={"from": "python"}), data={"a": "1"})
)
check("create", "py", created.metadata.name)
patched = core.patch_namespaced_config_map("py", "default", {"data": {"b": "2"}})
check("strategic patch", {"a": "1", "b": "2"}, patched.data)
listed = core.list_namespaced_config_map("default", label_selector="from=python")
check("label selector", ["py"], [item.metadata.name for item in listed.items])

deployment = client.V1Deployment(
    metadata=client.V1ObjectMeta(name="pyweb"),
    spec=client.V1DeploymentSpec(
        replicas=1,
        selector=client.V1LabelSelector(match_labels={"app": "pyweb"}),
        template=client.V1PodTemplateSpec(
            metadata=client.V1ObjectMeta(labels={"app": "pyweb"}),
            spec=client.V1PodSpec(containers=[client.V1Container(name="main", image="nginx:1.25")]),
        ),
    ),
)
apps.create_namespaced_deployment("default", deployment)
scaled = apps.patch_namespaced_deployment_scale("pyweb", "default", {"spec": {"replicas": 4}})
check("scale subresource", 4, scaled.spec.replicas)

dynamic = DynamicClient(api)
deployments = dynamic.resources.get(api_version="apps/v1", kind="Deployment")
merged = deployments.patch(
    name="pyweb", namespace="default", body={"metadata": {"labels": {"tier": "web"}}},
    content_type="application/merge-patch+json",
)
check("dynamic merge patch", "web", merged.metadata.labels["tier"])

core.delete_namespaced_config_map("py", "default")
apps.delete_namespaced_deployment("pyweb", "default", propagation_policy="Foreground")
watcher.join(timeout=15)
check("watch events", [("ADDED", "py"), ("MODIFIED", "py"), ("DELETED", "py")], events)

try:
    core.read_namespaced_config_map("py", "default")
    check("read after delete", 404, 200)
except client.exceptions.ApiException as error:
    check("read after delete", 404, error.status)

print(f"python-e2e: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
