import ControllerRuntime
import KruiseWebhooks
import KubeJSON
import KubeModel
import Testing

@Suite struct DeletionProtectionTests {
    typealias F = DeletionProtectionFixtures

    static let always = "forbidden by ResourcesProtectionDeletion for policy.kruise.io/delete-protection=Always"
    static let cascading = "forbidden by ResourcesProtectionDeletion for policy.kruise.io/delete-protection=Cascading"

    /// What `Cascading` says when the object has children, per kind (`nil`: allowed).
    static func cascadingDenial(_ kind: DeletionProtectedKind) -> String? {
        switch kind {
        case .namespace: "\(cascading) and active pods 1>0"
        case .customResourceDefinition: "\(cascading) and active CRs 1>0"
        case .deployment, .replicaSet, .statefulSet, .cloneSet, .advancedStatefulSet, .unitedDeployment:
            "\(cascading) and replicas 3>0"
        case .service, .ingress: nil
        }
    }

    static func verdict(
        _ kind: DeletionProtectedKind, label: String?, lookups: DeletionProtectionLookups = F.busy,
        gates: FeatureGates = F.gates(), replicas: Int64? = 3
    ) -> AdmissionResponse {
        let protection = DeletionProtection(lookups: lookups, gates: gates)
        return protection.review(F.request(kind, oldObject: F.object(kind, label: label, replicas: replicas)))
    }

    @Test(arguments: DeletionProtectedKind.allCases)
    func noLabelIsAllowed(kind: DeletionProtectedKind) {
        #expect(Self.verdict(kind, label: nil) == .allow())
    }

    @Test(arguments: DeletionProtectedKind.allCases)
    func alwaysIsDenied(kind: DeletionProtectedKind) {
        let response = Self.verdict(kind, label: "Always", lookups: F.idle)
        #expect(!response.allowed)
        #expect(response.code == 403)
        #expect(response.reason == nil)
        #expect(response.message == Self.always)
    }

    @Test(arguments: DeletionProtectedKind.allCases)
    func cascadingWithChildren(kind: DeletionProtectedKind) {
        let response = Self.verdict(kind, label: "Cascading")
        if let expected = Self.cascadingDenial(kind) {
            #expect(!response.allowed)
            #expect(response.code == 403)
            #expect(response.message == expected)
        } else {
            #expect(response == .allow(), "\(kind) honours Always only")
        }
    }

    @Test(arguments: DeletionProtectedKind.allCases)
    func cascadingWithoutChildren(kind: DeletionProtectedKind) {
        #expect(Self.verdict(kind, label: "Cascading", lookups: F.idle, replicas: 0) == .allow())
    }

    @Test(arguments: DeletionProtectedKind.allCases)
    func unknownValuesAreAllowed(kind: DeletionProtectedKind) {
        for value in ["always", "cascading", "Never", "", "true"] {
            #expect(Self.verdict(kind, label: value) == .allow(), "\(kind) \(value)")
        }
    }

    @Test(arguments: DeletionProtectedKind.allCases)
    func gateOffAllowsEverything(kind: DeletionProtectedKind) {
        for label in [nil, "Always", "Cascading"] as [String?] {
            let response = Self.verdict(kind, label: label, gates: F.gates(protection: false))
            #expect(response == .allow(), "\(kind) \(label ?? "no label")")
        }
    }

    @Test(arguments: DeletionProtectedKind.allCases)
    func terminatingObjectsAreNotRechecked(kind: DeletionProtectedKind) {
        let protection = DeletionProtection(lookups: F.busy, gates: F.gates())
        let object = F.object(kind, label: "Always", terminating: true)
        #expect(protection.review(F.request(kind, oldObject: object)) == .allow())
    }

    @Test(arguments: DeletionProtectedKind.allCases)
    func onlyDeletesOfTheObjectItselfAreJudged(kind: DeletionProtectedKind) {
        let protection = DeletionProtection(lookups: F.busy, gates: F.gates())
        let object = F.object(kind, label: "Always")
        for operation in ["CREATE", "UPDATE", "CONNECT"] {
            #expect(protection.review(F.request(kind, operation: operation, oldObject: object)) == .allow())
        }
        #expect(protection.review(F.request(kind, oldObject: object, subResource: "status")) == .allow())
        // Before Kubernetes 1.16 DELETE carried no old object.
        #expect(protection.review(F.request(kind, oldObject: nil)) == .allow())
    }

    @Test func workloadsWithoutReplicasAreNotProtectedByCascading() {
        #expect(Self.verdict(.cloneSet, label: "Cascading", replicas: nil) == .allow())
        #expect(Self.verdict(.deployment, label: "Cascading", replicas: 0) == .allow())
        #expect(Self.verdict(.deployment, label: "Cascading", replicas: 1).message == "\(Self.cascading) and replicas 1>0")
    }

    @Test func namespaceCountsActivePodsThenBoundClaims() {
        let pods = DeletionProtectionLookups(
            pods: { _ in [F.pod(phase: "Running"), F.pod(phase: "Pending"), F.pod(phase: "Unknown"), F.pod(phase: "Failed")] },
            persistentVolumeClaims: { _ in [] }, customResources: { _ in [] }
        )
        #expect(Self.verdict(.namespace, label: "Cascading", lookups: pods).message == "\(Self.cascading) and active pods 3>0")
        let claims = DeletionProtectionLookups(
            pods: { _ in [F.pod(phase: "Succeeded")] },
            persistentVolumeClaims: { _ in [F.claim(phase: "Bound"), F.claim(phase: "Bound"), F.claim(phase: "Lost")] },
            customResources: { _ in [] }
        )
        #expect(Self.verdict(.namespace, label: "Cascading", lookups: claims).message == "\(Self.cascading) and \"Bound\" status pvc 2>0")
    }

    @Test func namespaceLookupsAreAskedForTheNamespaceItself() {
        let asked = LockedList()
        let lookups = DeletionProtectionLookups(
            pods: { namespace in asked.append("pods \(namespace)"); return [] },
            persistentVolumeClaims: { namespace in asked.append("pvcs \(namespace)"); return [] },
            customResources: { _ in [] }
        )
        _ = Self.verdict(.namespace, label: "Cascading", lookups: lookups)
        #expect(asked.values == ["pods protected", "pvcs protected"])
    }

    @Test func failingLookupsDeny() {
        let failing = DeletionProtectionLookups(
            pods: { (_: String) throws(DeletionProtectionLookupError) -> [Pod] in throw DeletionProtectionLookupError("cache not synced") },
            persistentVolumeClaims: { (_: String) throws(DeletionProtectionLookupError) -> [PersistentVolumeClaim] in
                throw DeletionProtectionLookupError("no pvc informer")
            },
            customResources: { (_: GroupVersionResource) throws(DeletionProtectionLookupError) -> [ObjectMeta] in
                throw DeletionProtectionLookupError("not watched")
            }
        )
        #expect(
            Self.verdict(.namespace, label: "Cascading", lookups: failing).message
                == "forbidden by ResourcesProtectionDeletion for list pods error: cache not synced"
        )
        let claimsFail = DeletionProtectionLookups(
            pods: { _ in [] }, persistentVolumeClaims: failing.persistentVolumeClaims, customResources: { _ in [] }
        )
        #expect(
            Self.verdict(.namespace, label: "Cascading", lookups: claimsFail).message
                == "forbidden by ResourcesProtectionDeletion for list pvc error: no pvc informer"
        )
        #expect(
            Self.verdict(.customResourceDefinition, label: "Cascading", lookups: failing).message
                == "failed to list CRs of example.com/v1, Kind=WidgetList: not watched"
        )
    }

    @Test func crdCascadingNeedsItsGate() {
        let response = Self.verdict(.customResourceDefinition, label: "Cascading", lookups: F.idle, gates: F.gates(crdCascading: false))
        #expect(!response.allowed)
        #expect(response.message == "feature-gate DeletionProtectionForCRDCascadingGate is not enabled")
        // Always does not need it.
        #expect(Self.verdict(.customResourceDefinition, label: "Always", gates: F.gates(crdCascading: false)).message == Self.always)
        // The v1.6 defaults leave it off.
        let defaults = DeletionProtection(lookups: F.idle, gates: KruiseFeatures.managerDefaults())
        #expect(defaults.isEnabled && !defaults.isCRDCascadingEnabled)
        // ResourcesDeletionProtection off forces it off.
        #expect(!DeletionProtection(lookups: F.idle, gates: F.gates(protection: false, crdCascading: true)).isCRDCascadingEnabled)
    }

    @Test func crdCascadingListsTheStorageVersion() {
        let asked = LockedList()
        let lookups = DeletionProtectionLookups(
            pods: { _ in [] }, persistentVolumeClaims: { _ in [] },
            customResources: { resource in asked.append("\(resource.group) \(resource.version) \(resource.resource)"); return [] }
        )
        #expect(Self.verdict(.customResourceDefinition, label: "Cascading", lookups: lookups) == .allow())
        #expect(asked.values == ["example.com v1 widgets"])
    }

    @Test func otherKindsAndVersionsAreAllowed() {
        let protection = DeletionProtection(lookups: F.busy, gates: F.gates())
        let pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p", "labels": [DeletionProtectionPolicy.labelKey: "Always"]]]
        let request = AdmissionRequest(object: [
            "uid": "1", "operation": "DELETE", "kind": ["group": "", "version": "v1", "kind": "Pod"], "oldObject": pod,
        ])
        #expect(protection.review(request) == .allow())
        #expect(DeletionProtectedKind(group: "networking.k8s.io", version: "v1beta1", kind: "Ingress") == .ingress)
        #expect(DeletionProtectedKind(group: "extensions", version: "v1beta1", kind: "Ingress") == nil)
        #expect(DeletionProtectedKind(group: "apiextensions.k8s.io", version: "v1beta1", kind: "CustomResourceDefinition") == .customResourceDefinition)
        #expect(DeletionProtectedKind(group: "apps.kruise.io", version: "v1alpha1", kind: "StatefulSet") == .advancedStatefulSet)
    }

    @Test func malformedOldObjectIsABadRequest() {
        let protection = DeletionProtection(lookups: F.busy, gates: F.gates())
        let response = protection.review(F.request(.service, oldObject: "not an object"))
        #expect(!response.allowed)
        #expect(response.code == 400)
    }

    @Test func dispatchedReviewCarriesTheDenial() async throws {
        let protection = DeletionProtection(lookups: F.busy, gates: F.gates())
        let dispatcher = AdmissionDispatcher(handlers: protection.handlers)
        #expect(dispatcher.paths == KruiseWebhookRegistrations.deletionProtection.paths)
        let review: JSONValue = [
            "apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
            "request": .object(F.request(.service, oldObject: F.object(.service, label: "Always")).object),
        ]
        let (status, body) = await dispatcher.respond(path: "/validate-service", body: review.serialized())
        #expect(status == 200)
        let answer = try JSONValue(parsing: body)
        #expect(answer["response"]?["uid"]?.stringValue == "0d1e2f")
        #expect(answer["response"]?["allowed"]?.boolValue == false)
        #expect(answer["response"]?["status"]?["code"]?.intValue == 403)
        #expect(answer["response"]?["status"]?["message"]?.stringValue == Self.always)
    }
}
