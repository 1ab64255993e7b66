import KubeJSON
import KubeModel
import Testing

@Suite struct KubeObjectModelTests {
    /// A pod with fields the model does not know (`spec.overhead`, `status.podIPs`, an unknown top-level member),
    /// in an order no encoder would choose.
    static let podJSON = #"""
        {"kind":"Pod","apiVersion":"v1","x-unknown":{"keep":[1,2.50,"three"]},
        "metadata":{"name":"web-1","namespace":"default","labels":{"zeta":"1","app":"web"},"uid":"u-1",
        "ownerReferences":[{"apiVersion":"apps.kruise.io/v1alpha1","kind":"CloneSet","name":"web","uid":"c-1","controller":true,"extra":"kept"}]},
        "spec":{"overhead":{"cpu":"10m"},"containers":[{"name":"main","image":"nginx:1.25","ports":[{"containerPort":80}],
        "env":[{"name":"A","value":"1"},{"name":"POD","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}],"securityContext":{"runAsNonRoot":true}}],
        "tolerations":[{"key":"k","operator":"Exists","effect":"NoSchedule"}],"readinessGates":[{"conditionType":"InPlaceUpdateReady"}],"nodeName":"node-1"},
        "status":{"phase":"Running","podIPs":[{"ip":"10.0.0.1"}],"conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-01-02T03:04:05Z"}],
        "containerStatuses":[{"name":"main","ready":true,"restartCount":2,"imageID":"sha256:abc","futureField":{"a":null}}]}}
        """#

    @Test func typedReadsSeeTheDocument() throws {
        let pod = try Pod.decode(jsonBytes: Array(Self.podJSON.utf8))
        #expect(pod.name == "web-1")
        #expect(pod.namespace == "default")
        #expect(pod.metadata.labels == ["zeta": "1", "app": "web"])
        #expect(pod.metadata.controllerReference?.kind == "CloneSet")
        #expect(pod.spec.containers.map(\.image) == ["nginx:1.25"])
        #expect(pod.spec.containers[0].env.map(\.name) == ["A", "POD"])
        #expect(pod.spec.containers[0].env[1].fieldPath == "metadata.name")
        #expect(pod.spec.containers[0].ports[0].containerPort == 80)
        #expect(pod.spec.readinessGates == ["InPlaceUpdateReady"])
        #expect(pod.spec.nodeName == "node-1")
        #expect(pod.isReady)
        #expect(pod.isScheduled)
        #expect(pod.status.containerStatuses[0].restartCount == 2)
    }

    @Test func writingTypedFieldsKeepsEveryOtherField() throws {
        let original = try JSONValue(parsing: Self.podJSON)
        var pod = try Pod.decode(original)
        pod.spec.containers[0].image = "nginx:1.26"
        pod.metadata.labels["tier"] = "frontend"
        pod.status.phase = "Succeeded"

        var expected = original
        var containers = expected["spec"]!["containers"]!.arrayValue!
        containers[0]["image"] = "nginx:1.26"
        expected["spec"]!["containers"] = .array(containers)
        expected["metadata"]!["labels"]!["tier"] = "frontend"
        expected["status"]!["phase"] = "Succeeded"
        #expect(pod.json == expected)
        // Existing members keep their order; new ones are appended.
        #expect(pod.object.keys == ["kind", "apiVersion", "x-unknown", "metadata", "spec", "status"])
        #expect(pod.metadata.object["labels"]?.objectValue?.keys == ["zeta", "app", "tier"])
        #expect(pod.spec.containers[0].object.keys == ["name", "image", "ports", "env", "securityContext"])
    }

    @Test func untouchedRoundTripIsByteIdentical() throws {
        let compact = try JSONValue(parsing: Self.podJSON).serialized()
        var pod = try Pod.decode(jsonBytes: compact)
        pod.spec = pod.spec
        pod.status = pod.status
        pod.metadata.ownerReferences = pod.metadata.ownerReferences
        #expect(pod.encoded() == compact)
    }

    @Test func readingAMissingViewDoesNotAddIt() {
        var pod = Pod(metadata: ObjectMeta(name: "p", namespace: "ns"))
        pod.status = pod.status
        pod.spec.nodeName = nil
        #expect(pod.object["status"] == nil)
        #expect(pod.object["spec"] == nil)
        #expect(pod.json == ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p", "namespace": "ns"]])
    }

    @Test func wrongKindIsAFieldError() {
        #expect(throws: FieldError(field: "kind", message: "Invalid value: \"Node\": expected Pod")) {
            try Pod.decode(["apiVersion": "v1", "kind": "Node"])
        }
        #expect(throws: FieldError(field: "apiVersion", message: "Invalid value: \"apps/v1\": expected v1")) {
            try Pod.decode(["apiVersion": "apps/v1", "kind": "Pod"])
        }
        #expect(throws: (any Error).self) { try Pod.decode(jsonBytes: Array("[1]".utf8)) }
    }

    @Test func typeMismatchReadsAsNilAndKeepsTheValue() throws {
        var pod = try Pod.decode(["apiVersion": "v1", "kind": "Pod", "spec": ["nodeName": 5, "priority": "high"]])
        #expect(pod.spec.nodeName == nil)
        #expect(pod.spec.priority == nil)
        pod.spec.restartPolicy = "Never"
        #expect(pod.json["spec"]?["nodeName"] == 5)
        #expect(pod.json["spec"]?["priority"] == "high")
    }

    @Test func ownerReferenceToAnObject() {
        var deployment = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"))
        deployment.metadata.uid = "d-1"
        let reference = OwnerReference(to: deployment)
        #expect(reference.json == [
            "apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "uid": "d-1", "controller": true,
            "blockOwnerDeletion": true,
        ])
    }

    @Test func listsCarryTheirItems() throws {
        let pods = [Pod(metadata: ObjectMeta(name: "a", namespace: "n")), Pod(metadata: ObjectMeta(name: "b", namespace: "n"))]
        var list = ObjectList(items: pods)
        list.metadata.resourceVersion = "42"
        #expect(list.object["kind"] == "PodList")
        let decoded = try ObjectList<Pod>(json: JSONValue(parsing: list.json.serialized()))
        #expect(decoded.items.map(\.name) == ["a", "b"])
        #expect(decoded.metadata.resourceVersion == "42")
    }

    @Test func conditionsKeepTheirTransitionTimeWhileStatusHolds() throws {
        var conditions = [Condition(type: "Ready", status: "True")]
        conditions[0].object["lastTransitionTime"] = "2026-01-01T00:00:00Z"
        var update = Condition(type: "Ready", status: "True", reason: "Again")
        update.object["lastTransitionTime"] = "2026-02-02T00:00:00Z"
        conditions.set(update)
        #expect(conditions.count == 1)
        #expect(conditions[0].reason == "Again")
        #expect(conditions[0].object["lastTransitionTime"] == "2026-01-01T00:00:00Z")
        var flip = Condition(type: "Ready", status: "False")
        flip.object["lastTransitionTime"] = "2026-03-03T00:00:00Z"
        conditions.set(flip)
        #expect(conditions[0].object["lastTransitionTime"] == "2026-03-03T00:00:00Z")
        conditions.set(Condition(type: "PodScheduled", status: "True"))
        #expect(conditions.map(\.type) == ["Ready", "PodScheduled"])
    }

    @Test(arguments: [
        // (toleration, taint, tolerated)
        (["key": "k", "operator": "Exists"], ["key": "k", "effect": "NoSchedule"], true),
        (["operator": "Exists"], ["key": "any", "effect": "NoExecute"], true),
        (["key": "k", "value": "v", "effect": "NoSchedule"], ["key": "k", "value": "v", "effect": "NoSchedule"], true),
        (["key": "k", "value": "v", "effect": "NoSchedule"], ["key": "k", "value": "w", "effect": "NoSchedule"], false),
        (["key": "k", "operator": "Exists", "effect": "NoExecute"], ["key": "k", "effect": "NoSchedule"], false),
        (["key": "other", "operator": "Exists"], ["key": "k", "effect": "NoSchedule"], false),
        (["key": "k", "operator": "Equal"], ["key": "k", "effect": "NoSchedule"], true),
    ] as [(JSONValue, JSONValue, Bool)])
    func tolerations(toleration: JSONValue, taint: JSONValue, tolerated: Bool) throws {
        #expect(try Toleration(json: toleration).tolerates(Taint(json: taint)) == tolerated)
    }

    @Test(arguments: [
        ("apps/v1", "apps", "v1"), ("v1", "", "v1"), ("apps.kruise.io/v1alpha1", "apps.kruise.io", "v1alpha1"),
    ])
    func groupVersions(apiVersion: String, group: String, version: String) {
        let parsed = GroupVersion(apiVersion: apiVersion)
        #expect(parsed == GroupVersion(group: group, version: version))
        #expect(parsed?.apiVersion == apiVersion)
    }

    @Test(arguments: ["", "a/b/c", "/v1", "apps/"])
    func malformedGroupVersions(apiVersion: String) {
        #expect(GroupVersion(apiVersion: apiVersion) == nil)
    }

    @Test func builtinKindsAreUniqueAndFindable() {
        let kinds = Set(BuiltinKinds.all.map(\.groupVersionKind))
        #expect(kinds.count == BuiltinKinds.all.count)
        #expect(BuiltinKinds.descriptor(for: Deployment.groupVersionKind)?.plural == "deployments")
        #expect(BuiltinKinds.descriptor(for: Node.groupVersionKind)?.namespaced == false)
        #expect(BuiltinKinds.all.count == 24)
    }
}
