import KubeJSON
import KubeModel
import LocalCluster
import Testing

@Suite struct ServerSideApplyTests {
    static let schema = ApplySchema.forKind(apiVersion: "apps/v1", kind: "Deployment")
    static let t0 = KubeTime(seconds: 1_800_000_000)
    static let t1 = KubeTime(seconds: 1_800_000_060)

    static func json(_ text: String) -> JSONValue {
        try! JSONValue(parsing: text)
    }

    /// A Deployment configuration: `web`, with `labels`, `replicas` (omitted when nil) and one container per
    /// `(name, image)`.
    static func deployment(
        labels: [(String, String)] = [("app", "web")],
        replicas: Int64? = 3,
        containers: [(String, String)] = [("nginx", "nginx:1.27")]
    ) -> JSONValue {
        var labelObject = JSONObject()
        for (key, value) in labels { labelObject[key] = .string(value) }
        var spec: JSONValue = .emptyObject
        if let replicas { spec["replicas"] = .int(replicas) }
        spec["selector"] = ["matchLabels": ["app": "web"]]
        spec["template"] = [
            "metadata": ["labels": ["app": "web"]],
            "spec": ["containers": .array(containers.map { ["name": .string($0.0), "image": .string($0.1)] })],
        ]
        return [
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": ["name": "web", "namespace": "default", "labels": .object(labelObject)],
            "spec": spec,
        ]
    }

    static func apply(
        _ config: JSONValue,
        to live: JSONValue?,
        manager: String,
        force: Bool = false,
        now: KubeTime = ServerSideApplyTests.t1
    ) throws(ServerSideApplyError) -> ServerSideApply.Result {
        try ServerSideApply.apply(
            config: config,
            to: live,
            manager: manager,
            force: force,
            apiVersion: "apps/v1",
            schema: Self.schema,
            now: now
        )
    }

    static func conflicts(_ body: () throws(ServerSideApplyError) -> Void) -> [FieldManagerConflict] {
        do {
            try body()
        } catch {
            if case .conflicts(let conflicts) = error { return conflicts }
        }
        return []
    }

    static func entry(_ object: JSONValue, _ manager: String) throws -> ManagedFieldsEntry? {
        try ManagedFields.entries(of: object).first { $0.manager == manager }
    }

    @Test func twoAppliersAgreeingOnAFieldShareIt() throws {
        let first = try Self.apply(Self.deployment(), to: nil, manager: "alice", now: Self.t0)
        let shared = Self.json(
            #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},"spec":{"replicas":3}}"#
        )
        let second = try Self.apply(shared, to: first.object, manager: "bob")
        #expect(!second.objectChanged)
        let replicas = FieldPath(fields: "spec", "replicas")
        #expect(try Self.entry(second.object, "alice")?.fields.contains(replicas) == true)
        #expect(try Self.entry(second.object, "bob")?.fields.contains(replicas) == true)
        // The object did not change, so bob's entry has no time yet, as kube leaves it.
        #expect(try Self.entry(second.object, "bob")?.time == nil)
        #expect(second.object["spec"]?["replicas"] == 3)
    }

    @Test func conflictWithAClientSideApplyManager() throws {
        let created = ServerSideApply.recordUpdate(
            old: nil,
            new: Self.deployment(),
            manager: "kubectl-client-side-apply",
            apiVersion: "apps/v1",
            schema: Self.schema,
            now: Self.t0
        )
        let conflicts = Self.conflicts { () throws(ServerSideApplyError) in
            _ = try Self.apply(Self.deployment(replicas: 5), to: created, manager: "kubectl")
        }
        #expect(
            conflicts == [
                FieldManagerConflict(manager: "kubectl-client-side-apply", isUpdate: true, apiVersion: "apps/v1", field: ".spec.replicas")
            ]
        )
        let status = ServerSideApplyError.conflicts(conflicts).status
        #expect(status.code == 409)
        #expect(status.message == #"Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas"#)

        // The same value is no conflict: both own it.
        let agreed = try Self.apply(Self.deployment(), to: created, manager: "kubectl")
        #expect(try Self.entry(agreed.object, "kubectl-client-side-apply")?.fields.contains(FieldPath(fields: "spec", "replicas")) == true)
        #expect(try Self.entry(agreed.object, "kubectl")?.fields.contains(FieldPath(fields: "spec", "replicas")) == true)
    }

    @Test func forceTakesOwnership() throws {
        let created = ServerSideApply.recordUpdate(
            old: nil,
            new: Self.deployment(),
            manager: "kubectl-client-side-apply",
            apiVersion: "apps/v1",
            schema: Self.schema,
            now: Self.t0
        )
        let forced = try Self.apply(Self.deployment(replicas: 5), to: created, manager: "kubectl", force: true)
        #expect(forced.object["spec"]?["replicas"] == 5)
        let replicas = FieldPath(fields: "spec", "replicas")
        let previousOwner = try #require(try Self.entry(forced.object, "kubectl-client-side-apply"))
        #expect(!previousOwner.fields.contains(replicas))
        #expect(previousOwner.fields.contains(FieldPath(fields: "metadata", "labels", "app")))
        #expect(previousOwner.time == Self.t0)
        let applier = try #require(try Self.entry(forced.object, "kubectl"))
        #expect(applier.fields.contains(replicas))
        #expect(applier.time == Self.t1)
        // Apply entries sort before Update entries.
        #expect(forced.managedFields.map(\.operation) == [.apply, .update])
    }

    @Test func fieldsLeftOutOfTheConfigurationAreRemoved() throws {
        let first = try Self.apply(Self.deployment(labels: [("app", "web"), ("tier", "fe")]), to: nil, manager: "kubectl", now: Self.t0)
        #expect(first.object["metadata"]?["labels"]?["tier"] == "fe")
        let second = try Self.apply(Self.deployment(labels: [("app", "web")], replicas: nil), to: first.object, manager: "kubectl")
        #expect(second.object["metadata"]?["labels"] == ["app": "web"])
        #expect(second.object["spec"]?["replicas"] == nil)
        #expect(second.object["spec"]?["selector"] != nil)
        let entry = try #require(second.managedFields.first)
        #expect(!entry.fields.contains(FieldPath(fields: "spec", "replicas")))
        #expect(second.objectChanged)
    }

    @Test func fieldsCoOwnedByAnotherManagerStay() throws {
        let first = try Self.apply(Self.deployment(labels: [("app", "web"), ("tier", "fe")]), to: nil, manager: "alice", now: Self.t0)
        let tier = Self.json(
            #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","labels":{"tier":"fe"}}}"#
        )
        let shared = try Self.apply(tier, to: first.object, manager: "bob")
        let dropped = try Self.apply(Self.deployment(labels: [("app", "web")]), to: shared.object, manager: "alice")
        #expect(dropped.object["metadata"]?["labels"]?["tier"] == "fe")
        let tierPath = FieldPath(fields: "metadata", "labels", "tier")
        #expect(try Self.entry(dropped.object, "alice")?.fields.contains(tierPath) == false)
        #expect(try Self.entry(dropped.object, "bob")?.fields.contains(tierPath) == true)

        // A field last set by an ordinary update is owned by that updater and stays too.
        var edited = dropped.object
        edited["spec"]?["paused"] = true
        let updated = ServerSideApply.recordUpdate(
            old: dropped.object,
            new: edited,
            manager: "kubectl-edit",
            apiVersion: "apps/v1",
            schema: Self.schema,
            now: Self.t1
        )
        let again = try Self.apply(Self.deployment(labels: [("app", "web")]), to: updated, manager: "alice")
        #expect(again.object["spec"]?["paused"] == true)
    }

    @Test func containersMergeByNameKeepingAnotherManagersContainer() throws {
        let first = try Self.apply(Self.deployment(), to: nil, manager: "alice", now: Self.t0)
        let sidecar = Self.json(
            #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"envoy:1"}]}}}}"#
        )
        let second = try Self.apply(sidecar, to: first.object, manager: "bob")
        let names = second.object["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["nginx", "sidecar"])

        // alice updates her container's image; bob's container is untouched.
        let third = try Self.apply(Self.deployment(containers: [("nginx", "nginx:1.28")]), to: second.object, manager: "alice")
        let containers = try #require(third.object["spec"]?["template"]?["spec"]?["containers"]?.arrayValue)
        #expect(containers.count == 2)
        #expect(containers[0]["image"] == "nginx:1.28")
        #expect(containers[1] == ["name": "sidecar", "image": "envoy:1"])
        let bobs = try #require(try Self.entry(third.object, "bob"))
        #expect(
            bobs.fields.description
                == #"{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"sidecar\"}":{".":{},"f:image":{},"f:name":{}}}}}}}"#
        )

        // bob's image is his: alice setting another one is a conflict on that container alone.
        let conflicts = Self.conflicts { () throws(ServerSideApplyError) in
            _ = try Self.apply(
                Self.deployment(containers: [("nginx", "nginx:1.28"), ("sidecar", "envoy:2")]),
                to: third.object,
                manager: "alice"
            )
        }
        #expect(conflicts.map(\.field) == [#".spec.template.spec.containers[name="sidecar"].image"#])
        #expect(conflicts.first?.isUpdate == false)
    }

    @Test func removingAContainerFromTheConfigurationRemovesIt() throws {
        let first = try Self.apply(
            Self.deployment(containers: [("nginx", "nginx:1.27"), ("log", "busybox")]),
            to: nil,
            manager: "kubectl",
            now: Self.t0
        )
        let second = try Self.apply(Self.deployment(), to: first.object, manager: "kubectl")
        let names = second.object["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["nginx"])
    }

    @Test func controllerUpdatesTakeOwnershipAndLaterAppliesConflict() throws {
        let applied = try Self.apply(Self.deployment(), to: nil, manager: "kubectl", now: Self.t0)
        var scaled = applied.object
        scaled["spec"]?["replicas"] = 10
        let stored = ServerSideApply.recordUpdate(
            old: applied.object,
            new: scaled,
            manager: "hpa-controller",
            apiVersion: "apps/v1",
            schema: Self.schema,
            now: Self.t1
        )
        let replicas = FieldPath(fields: "spec", "replicas")
        let hpa = try #require(try Self.entry(stored, "hpa-controller"))
        #expect(hpa.operation == .update)
        #expect(hpa.fields == FieldSet([replicas]))
        #expect(hpa.time == Self.t1)
        #expect(try Self.entry(stored, "kubectl")?.fields.contains(replicas) == false)

        let conflicts = Self.conflicts { () throws(ServerSideApplyError) in
            _ = try Self.apply(Self.deployment(), to: stored, manager: "kubectl")
        }
        #expect(conflicts.map(\.manager) == ["hpa-controller"])

        // Leaving replicas out of the configuration lets the controller keep them.
        let withoutReplicas = try Self.apply(Self.deployment(replicas: nil), to: stored, manager: "kubectl")
        #expect(withoutReplicas.object["spec"]?["replicas"] == 10)

        // A write that changes nothing leaves the entries alone.
        let unchanged = ServerSideApply.recordUpdate(
            old: stored,
            new: stored,
            manager: "other",
            apiVersion: "apps/v1",
            schema: Self.schema,
            now: Self.t1
        )
        #expect(try ManagedFields.entries(of: unchanged) == ManagedFields.entries(of: stored))
    }

    @Test func removedFieldsLeaveEveryEntry() throws {
        let applied = try Self.apply(Self.deployment(labels: [("app", "web"), ("tier", "fe")]), to: nil, manager: "kubectl", now: Self.t0)
        var edited = applied.object
        edited["metadata"]?["labels"]?["tier"] = nil
        let stored = ServerSideApply.recordUpdate(
            old: applied.object,
            new: edited,
            manager: "kubectl-label",
            apiVersion: "apps/v1",
            schema: Self.schema,
            now: Self.t1
        )
        #expect(try Self.entry(stored, "kubectl")?.fields.contains(FieldPath(fields: "metadata", "labels", "tier")) == false)
        #expect(try Self.entry(stored, "kubectl-label") == nil)
    }

    @Test func objectsWithoutManagedFieldsBelongToBeforeFirstApply() throws {
        let legacy = Self.deployment(replicas: 2)
        let conflicts = Self.conflicts { () throws(ServerSideApplyError) in
            _ = try Self.apply(Self.deployment(replicas: 4), to: legacy, manager: "kubectl")
        }
        #expect(conflicts.map(\.manager) == ["before-first-apply"])
        let agreed = try Self.apply(Self.deployment(replicas: 2), to: legacy, manager: "kubectl")
        #expect(agreed.managedFields.map(\.manager) == ["kubectl", "before-first-apply"])
    }

    @Test func invalidConfigurations() throws {
        var withManagedFields = Self.deployment()
        withManagedFields["metadata"]?["managedFields"] = [["manager": "x"]]
        #expect(throws: ServerSideApplyError.badRequest("metadata.managedFields must be nil")) {
            try Self.apply(withManagedFields, to: nil, manager: "kubectl")
        }
        var wrongVersion = Self.deployment()
        wrongVersion["apiVersion"] = "apps/v1beta1"
        #expect(
            throws: ServerSideApplyError.badRequest(
                "Incorrect version specified in apply patch. Specified patch version: apps/v1beta1, expected: apps/v1"
            )
        ) {
            try Self.apply(wrongVersion, to: nil, manager: "kubectl")
        }
        let unnamed = Self.json(
            #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},"spec":{"template":{"spec":{"containers":[{"image":"nginx"}]}}}}"#
        )
        #expect(
            throws: ServerSideApplyError.badRequest(
                #"failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn't have default value)"#
            )
        ) {
            try Self.apply(unnamed, to: nil, manager: "kubectl")
        }
        let duplicated = Self.deployment(containers: [("a", "x"), ("a", "y")])
        #expect(
            throws: ServerSideApplyError.badRequest(
                #"failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: duplicate entries for key [name="a"]"#
            )
        ) {
            try Self.apply(duplicated, to: nil, manager: "kubectl")
        }
    }

    @Test func managedFieldsSuppliedOnUpdateAreKeptOrReset() throws {
        let applied = try Self.apply(Self.deployment(), to: nil, manager: "kubectl", now: Self.t0)
        var reset = applied.object
        reset["metadata"]?["managedFields"] = [[:]]
        let cleared = ServerSideApply.recordUpdate(
            old: applied.object,
            new: reset,
            manager: "m",
            apiVersion: "apps/v1",
            schema: Self.schema,
            now: Self.t1
        )
        #expect(cleared["metadata"]?["managedFields"] == nil)

        // Without managedFields in the body, the stored ones carry on.
        let kept = ServerSideApply.recordUpdate(
            old: applied.object,
            new: ManagedFields.removing(from: applied.object),
            manager: "m",
            apiVersion: "apps/v1",
            schema: Self.schema,
            now: Self.t1
        )
        #expect(try ManagedFields.entries(of: kept) == applied.managedFields)
    }

    @Test func customResourceMapListsMergeByKey() throws {
        let openAPI = Self.json(
            #"{"type":"object","properties":{"spec":{"type":"object","properties":{"ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string"},"port":{"type":"integer"}}}},"args":{"type":"array","items":{"type":"string"}}}}}}"#
        )
        let schema = ApplySchema.forKind(apiVersion: "example.com/v1", kind: "Widget", openAPIV3Schema: openAPI)
        func widget(_ spec: String) -> JSONValue {
            Self.json(#"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","namespace":"default"},"spec":"# + spec + "}")
        }
        func apply(_ config: JSONValue, _ live: JSONValue?, _ manager: String) throws -> ServerSideApply.Result {
            try ServerSideApply.apply(
                config: config,
                to: live,
                manager: manager,
                force: false,
                apiVersion: "example.com/v1",
                schema: schema,
                now: Self.t0
            )
        }
        let first = try apply(widget(#"{"ports":[{"name":"http","port":80}],"args":["a"]}"#), nil, "alice")
        let second = try apply(widget(#"{"ports":[{"name":"metrics","port":9090}]}"#), first.object, "bob")
        #expect(second.object["spec"]?["ports"] == Self.json(#"[{"name":"http","port":80},{"name":"metrics","port":9090}]"#))
        #expect(
            second.managedFields.first { $0.manager == "bob" }?.fields.description
                == #"{"f:spec":{"f:ports":{"k:{\"name\":\"metrics\"}":{".":{},"f:name":{},"f:port":{}}}}}"#
        )
        #expect(
            first.managedFields[0].fields.description
                == #"{"f:spec":{"f:args":{},"f:ports":{"k:{\"name\":\"http\"}":{".":{},"f:name":{},"f:port":{}}}}}"#
        )
        // A create through an ordinary write owns the new `spec` object itself too, as kube records it for
        // custom resources.
        let created = ServerSideApply.recordUpdate(
            old: nil,
            new: widget(#"{"ports":[{"name":"http","port":80}]}"#),
            manager: "kubectl-create",
            apiVersion: "example.com/v1",
            schema: schema,
            now: Self.t0
        )
        #expect(
            try ManagedFields.entries(of: created).first?.fields.description
                == #"{"f:spec":{".":{},"f:ports":{".":{},"k:{\"name\":\"http\"}":{".":{},"f:name":{},"f:port":{}}}}}"#
        )
        // An atomic list belongs to one manager as a whole: another value is a conflict.
        let conflicts = Self.conflicts { () throws(ServerSideApplyError) in
            _ = try ServerSideApply.apply(
                config: widget(#"{"args":["b"]}"#),
                to: second.object,
                manager: "bob",
                force: false,
                apiVersion: "example.com/v1",
                schema: schema,
                now: Self.t0
            )
        }
        #expect(conflicts.map(\.field) == [".spec.args"])

        // Without a schema, lists are atomic: the second applier's list replaces the first one's.
        let untyped = ApplySchema.forKind(apiVersion: "example.com/v1", kind: "Widget")
        let replaced = try ServerSideApply.apply(
            config: widget(#"{"ports":[{"name":"metrics","port":9090}]}"#),
            to: first.object,
            manager: "bob",
            force: true,
            apiVersion: "example.com/v1",
            schema: untyped,
            now: Self.t0
        )
        #expect(replaced.object["spec"]?["ports"] == Self.json(#"[{"name":"metrics","port":9090}]"#))
    }
}
