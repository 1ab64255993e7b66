import ControllerRuntime
import KruiseWebhooks
import KubeJSON
import KubeModel

/// Builders for deletion-protection requests and cluster states.
enum DeletionProtectionFixtures {
    /// The request kind (group, version, kind) and a sample object of each protected kind.
    static func kind(_ kind: DeletionProtectedKind) -> (group: String, version: String, kind: String, namespace: String?) {
        switch kind {
        case .namespace: ("", "v1", "Namespace", nil)
        case .customResourceDefinition: ("apiextensions.k8s.io", "v1", "CustomResourceDefinition", nil)
        case .deployment: ("apps", "v1", "Deployment", "default")
        case .replicaSet: ("apps", "v1", "ReplicaSet", "default")
        case .statefulSet: ("apps", "v1", "StatefulSet", "default")
        case .cloneSet: ("apps.kruise.io", "v1alpha1", "CloneSet", "default")
        case .advancedStatefulSet: ("apps.kruise.io", "v1beta1", "StatefulSet", "default")
        case .unitedDeployment: ("apps.kruise.io", "v1alpha1", "UnitedDeployment", "default")
        case .service: ("", "v1", "Service", "default")
        case .ingress: ("networking.k8s.io", "v1", "Ingress", "default")
        }
    }

    /// The object being deleted: `label` as the protection label (nil for none), `replicas` for workloads.
    static func object(
        _ kind: DeletionProtectedKind, label: String?, replicas: Int64? = 3, terminating: Bool = false
    ) -> JSONValue {
        let (group, version, kindName, namespace) = Self.kind(kind)
        var metadata: JSONObject = ["name": .string(kind == .customResourceDefinition ? "widgets.example.com" : "protected")]
        if let namespace { metadata["namespace"] = .string(namespace) }
        if let label { metadata["labels"] = [DeletionProtectionPolicy.labelKey: .string(label)] }
        if terminating { metadata["deletionTimestamp"] = "2024-03-15T10:00:00Z" }
        var object: JSONObject = [
            "apiVersion": .string(group.isEmpty ? version : "\(group)/\(version)"),
            "kind": .string(kindName),
            "metadata": .object(metadata),
        ]
        if kind.isWorkload {
            var spec = JSONObject()
            if let replicas { spec["replicas"] = .int(replicas) }
            object["spec"] = .object(spec)
        }
        if kind == .customResourceDefinition {
            object["spec"] = [
                "group": "example.com",
                "names": ["plural": "widgets", "kind": "Widget", "listKind": "WidgetList"],
                "scope": "Namespaced",
                "versions": [
                    ["name": "v1alpha1", "served": true, "storage": false],
                    ["name": "v1", "served": true, "storage": true],
                ],
            ]
        }
        return .object(object)
    }

    /// An admission request.
    static func request(
        _ kind: DeletionProtectedKind, operation: String = "DELETE", oldObject: JSONValue?, subResource: String = ""
    ) -> AdmissionRequest {
        let (group, version, kindName, namespace) = Self.kind(kind)
        var request: JSONObject = [
            "uid": "0d1e2f",
            "kind": ["group": .string(group), "version": .string(version), "kind": .string(kindName)],
            "operation": .string(operation),
            "name": "protected",
            "userInfo": ["username": "alice"],
        ]
        if let namespace { request["namespace"] = .string(namespace) }
        if !subResource.isEmpty { request["subResource"] = .string(subResource) }
        if let oldObject { request["oldObject"] = oldObject }
        return AdmissionRequest(object: request)
    }

    static func pod(phase: String, terminating: Bool = false) -> Pod {
        var metadata = ObjectMeta(name: "pod-\(phase)", namespace: "protected")
        if terminating { metadata.object["deletionTimestamp"] = "2024-03-15T10:00:00Z" }
        var pod = Pod(metadata: metadata)
        pod.status.phase = phase
        return pod
    }

    static func claim(phase: String, terminating: Bool = false) -> PersistentVolumeClaim {
        var metadata = ObjectMeta(name: "claim-\(phase)", namespace: "protected")
        if terminating { metadata.object["deletionTimestamp"] = "2024-03-15T10:00:00Z" }
        var claim = PersistentVolumeClaim(metadata: metadata)
        claim.phase = phase
        return claim
    }

    static func customResource(terminating: Bool = false) -> ObjectMeta {
        var metadata = ObjectMeta(name: "w", namespace: "default")
        if terminating { metadata.object["deletionTimestamp"] = "2024-03-15T10:00:00Z" }
        return metadata
    }

    /// A cluster where every kind has children: a running pod, a Bound PVC, a custom resource.
    static let busy = DeletionProtectionLookups(
        pods: { _ in [DeletionProtectionFixtures.pod(phase: "Running"), DeletionProtectionFixtures.pod(phase: "Succeeded")] },
        persistentVolumeClaims: { _ in [DeletionProtectionFixtures.claim(phase: "Bound")] },
        customResources: { _ in [DeletionProtectionFixtures.customResource(), DeletionProtectionFixtures.customResource(terminating: true)] }
    )

    /// A cluster where nothing counts: finished and terminating pods, pending and terminating PVCs, only
    /// terminating custom resources.
    static let idle = DeletionProtectionLookups(
        pods: { _ in
            [
                DeletionProtectionFixtures.pod(phase: "Succeeded"), DeletionProtectionFixtures.pod(phase: "Failed"),
                DeletionProtectionFixtures.pod(phase: "Running", terminating: true),
            ]
        },
        persistentVolumeClaims: { _ in
            [DeletionProtectionFixtures.claim(phase: "Pending"), DeletionProtectionFixtures.claim(phase: "Bound", terminating: true)]
        },
        customResources: { _ in [DeletionProtectionFixtures.customResource(terminating: true)] }
    )

    /// Gates with everything deletion protection knows on.
    static func gates(protection: Bool = true, crdCascading: Bool = true) -> FeatureGates {
        var gates = KruiseFeatures.managerDefaults()
        try! gates.set(KruiseFeatures.resourcesDeletionProtection, protection)
        try! gates.set(KruiseFeatures.deletionProtectionForCRDCascadingGate, crdCascading)
        return gates
    }
}
