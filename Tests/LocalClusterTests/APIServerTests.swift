import KubeJSON
import KubeModel
import LocalCluster
import Testing

/// The API server's request handling, in-process over an in-memory store.
@Suite struct APIServerTests {
    static func server() async -> APIServer {
        let server = APIServer(store: ObjectStore())
        await server.bootstrap()
        return server
    }

    static func send(
        _ server: APIServer,
        _ method: String,
        _ target: String,
        _ body: JSONValue? = nil,
        contentType: String = "application/json",
        accept: String = "application/json"
    ) async -> (status: Int, body: JSONValue) {
        var headers: [(name: String, value: String)] = [("Accept", accept)]
        if body != nil { headers.append(("Content-Type", contentType)) }
        let response = await server.handle(
            APIRequest(method: method, target: target, headers: headers, body: body?.serialized() ?? [])
        )
        let bytes = response.bodyBytes ?? []
        return (response.status, (try? JSONValue(parsing: bytes)) ?? .string(String(decoding: bytes, as: UTF8.self)))
    }

    static let deployment: JSONValue = [
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": ["name": "web", "labels": ["app": "web"]],
        "spec": [
            "replicas": 2,
            "selector": ["matchLabels": ["app": "web"]],
            "template": [
                "metadata": ["labels": ["app": "web"]],
                "spec": ["containers": [["name": "nginx", "image": "nginx:1.25", "env": [["name": "A", "value": "1"]]]]],
            ],
        ],
    ]

    @Test func versionDiscoveryAndHealth() async {
        let server = await Self.server()
        let version = await Self.send(server, "GET", "/version")
        #expect(version.body["minor"] == "32")
        let health = await server.handle(APIRequest(method: "GET", target: "/readyz"))
        #expect(health.bodyBytes == Array("ok".utf8))
        let aggregated = await server.handle(
            APIRequest(
                method: "GET",
                target: "/apis",
                headers: [("Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json")]
            )
        )
        #expect(aggregated.header("Content-Type") == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
        let namespaces = await Self.send(server, "GET", "/api/v1/namespaces")
        #expect(namespaces.body["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue }.sorted()
            == ["default", "kube-node-lease", "kube-public", "kube-system"])
        #expect(namespaces.body["items"]?[0]?["metadata"]?["labels"]?["kubernetes.io/metadata.name"] != nil)
    }

    @Test func createGetUpdateConflictDelete() async throws {
        let server = await Self.server()
        let created = await Self.send(server, "POST", "/apis/apps/v1/namespaces/default/deployments", Self.deployment)
        #expect(created.status == 201)
        let metadata = try #require(created.body["metadata"])
        #expect(metadata["uid"]?.stringValue?.count == 36)
        #expect(metadata["generation"] == 1)
        #expect(metadata["namespace"] == "default")
        let version = try #require(metadata["resourceVersion"]?.stringValue)

        let again = await Self.send(server, "POST", "/apis/apps/v1/namespaces/default/deployments", Self.deployment)
        #expect(again.status == 409)
        #expect(again.body["reason"] == "AlreadyExists")

        var changed = created.body
        changed["spec"]?["replicas"] = 3
        let updated = await Self.send(server, "PUT", "/apis/apps/v1/namespaces/default/deployments/web", changed)
        #expect(updated.status == 200)
        #expect(updated.body["metadata"]?["generation"] == 2)
        #expect(updated.body["metadata"]?["uid"] == metadata["uid"])

        // The first body still carries the old resourceVersion: a stale write.
        let stale = await Self.send(server, "PUT", "/apis/apps/v1/namespaces/default/deployments/web", changed)
        #expect(stale.status == 409)
        #expect(stale.body["message"]?.stringValue?.contains("the object has been modified") == true)
        #expect(version != updated.body["metadata"]?["resourceVersion"]?.stringValue)

        let deleted = await Self.send(server, "DELETE", "/apis/apps/v1/namespaces/default/deployments/web")
        #expect(deleted.status == 200)
        let gone = await Self.send(server, "GET", "/apis/apps/v1/namespaces/default/deployments/web")
        #expect(gone.status == 404)
        #expect(gone.body["message"] == #"deployments.apps "web" not found"#)
    }

    @Test func badInputIsRejectedWithTheRightStatus() async {
        let server = await Self.server()
        let malformed = await server.handle(
            APIRequest(
                method: "POST",
                target: "/api/v1/namespaces/default/configmaps",
                headers: [("Content-Type", "application/json")],
                body: Array(#"{"metadata":{"name":"x"},"#.utf8)
            )
        )
        #expect(malformed.status == 400)
        let badName = await Self.send(
            server, "POST", "/api/v1/namespaces/default/configmaps",
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "Bad_Name"]]
        )
        #expect(badName.status == 422)
        #expect(badName.body["details"]?["causes"]?[0]?["field"] == "metadata.name")
        let wrongKind = await Self.send(
            server, "POST", "/api/v1/namespaces/default/configmaps",
            ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "x"]]
        )
        #expect(wrongKind.status == 400)
        let noNamespace = await Self.send(
            server, "POST", "/api/v1/namespaces/missing/configmaps",
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "x"]]
        )
        #expect(noNamespace.status == 404)
        #expect(noNamespace.body["message"] == #"namespaces "missing" not found"#)
        let protobuf = await server.handle(
            APIRequest(
                method: "POST",
                target: "/api/v1/namespaces/default/configmaps",
                headers: [("Content-Type", "application/vnd.kubernetes.protobuf")],
                body: [0x6b, 0x38, 0x73, 0x00]
            )
        )
        // The magic bytes alone are a truncated protobuf envelope: 400, nothing stored.
        #expect(protobuf.status == 400)
        let huge = await server.handle(
            APIRequest(
                method: "POST",
                target: "/api/v1/namespaces/default/configmaps",
                headers: [("Content-Type", "application/json")],
                body: [UInt8](repeating: 0x20, count: 3 * 1024 * 1024 + 1)
            )
        )
        #expect(huge.status == 413)
        let count = await Self.send(server, "GET", "/api/v1/namespaces/default/configmaps")
        #expect(count.body["items"] == [])
    }

    @Test func patchesOfEveryType() async {
        let server = await Self.server()
        _ = await Self.send(server, "POST", "/apis/apps/v1/namespaces/default/deployments", Self.deployment)
        let path = "/apis/apps/v1/namespaces/default/deployments/web"
        let merge = await Self.send(server, "PATCH", path, ["metadata": ["labels": ["tier": "front"]]], contentType: "application/merge-patch+json")
        #expect(merge.status == 200)
        #expect(merge.body["metadata"]?["labels"] == ["app": "web", "tier": "front"])
        let json = await Self.send(server, "PATCH", path, [["op": "replace", "path": "/spec/replicas", "value": 5]], contentType: "application/json-patch+json")
        #expect(json.body["spec"]?["replicas"] == 5)
        let strategic = await Self.send(
            server, "PATCH", path,
            ["spec": ["template": ["spec": ["containers": [["name": "nginx", "env": [["name": "B", "value": "2"]]]]]]]],
            contentType: "application/strategic-merge-patch+json"
        )
        #expect(strategic.status == 200)
        let container = strategic.body["spec"]?["template"]?["spec"]?["containers"]?[0]
        #expect(container?["image"] == "nginx:1.25")
        #expect(container?["env"]?.arrayValue?.compactMap { $0["name"]?.stringValue }.sorted() == ["A", "B"])
        let failedTest = await Self.send(server, "PATCH", path, [["op": "test", "path": "/spec/replicas", "value": 9]], contentType: "application/json-patch+json")
        #expect(failedTest.status == 422)
        let scale = await Self.send(server, "PATCH", path + "/scale", ["spec": ["replicas": 1]], contentType: "application/merge-patch+json")
        #expect(scale.body["kind"] == "Scale")
        #expect(scale.body["spec"]?["replicas"] == 1)
    }

    @Test func listsFilterAndPaginate() async {
        let server = await Self.server()
        for index in 0..<5 {
            _ = await Self.send(
                server, "POST", "/api/v1/namespaces/default/configmaps",
                ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string("cm-\(index)"), "labels": ["parity": index % 2 == 0 ? "even" : "odd"]]]
            )
        }
        let even = await Self.send(server, "GET", "/api/v1/namespaces/default/configmaps?labelSelector=parity%3Deven")
        #expect(even.body["items"]?.arrayValue?.count == 3)
        let byName = await Self.send(server, "GET", "/api/v1/configmaps?fieldSelector=metadata.name%3Dcm-4")
        #expect(byName.body["items"]?.arrayValue?.count == 1)
        let unsupported = await Self.send(server, "GET", "/api/v1/configmaps?fieldSelector=spec.foo%3Dx")
        #expect(unsupported.status == 400)
        let page = await Self.send(server, "GET", "/api/v1/namespaces/default/configmaps?limit=2")
        #expect(page.body["items"]?.arrayValue?.count == 2)
        let token = page.body["metadata"]?["continue"]?.stringValue ?? ""
        #expect(!token.isEmpty)
        let next = await Self.send(server, "GET", "/api/v1/namespaces/default/configmaps?limit=10&continue=\(token)")
        #expect(next.body["items"]?.arrayValue?.count == 3)
    }

    @Test func watchStreamsEvents() async throws {
        let server = await Self.server()
        let response = await server.handle(APIRequest(method: "GET", target: "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=0"))
        guard case .stream(let stream) = response.body else {
            Issue.record("watch did not stream")
            return
        }
        _ = await Self.send(
            server, "POST", "/api/v1/namespaces/default/configmaps",
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "watched"]]
        )
        _ = await Self.send(server, "DELETE", "/api/v1/namespaces/default/configmaps/watched")
        var types: [String] = []
        for try await chunk in stream {
            let event = try JSONValue(parsing: chunk.dropLast())
            types.append(event["type"]?.stringValue ?? "")
            #expect(event["object"]?["metadata"]?["name"] == "watched")
            if types.count == 2 { break }
        }
        #expect(types == ["ADDED", "DELETED"])
    }

    @Test func filteredWatchesSeeObjectsEnterAndLeave() async throws {
        let server = await Self.server()
        let response = await server.handle(
            APIRequest(method: "GET", target: "/api/v1/namespaces/default/configmaps?watch=1&labelSelector=tier%3Dfront")
        )
        guard case .stream(let stream) = response.body else {
            Issue.record("watch did not stream")
            return
        }
        let path = "/api/v1/namespaces/default/configmaps/moving"
        _ = await Self.send(
            server, "POST", "/api/v1/namespaces/default/configmaps",
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "moving", "labels": ["tier": "back"]]]
        )
        _ = await Self.send(server, "PATCH", path, ["metadata": ["labels": ["tier": "front"]]], contentType: "application/merge-patch+json")
        _ = await Self.send(server, "PATCH", path, ["data": ["a": "b"]], contentType: "application/merge-patch+json")
        _ = await Self.send(server, "PATCH", path, ["metadata": ["labels": ["tier": "back"]]], contentType: "application/merge-patch+json")
        var types: [String] = []
        for try await chunk in stream {
            types.append(try JSONValue(parsing: chunk.dropLast())["type"]?.stringValue ?? "")
            if types.count == 3 { break }
        }
        #expect(types == ["ADDED", "MODIFIED", "DELETED"])
    }

    @Test func finalizersHoldDeletion() async {
        let server = await Self.server()
        let path = "/api/v1/namespaces/default/configmaps/held"
        _ = await Self.send(
            server, "POST", "/api/v1/namespaces/default/configmaps",
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "held", "finalizers": ["example.com/hold"]]]
        )
        let deleting = await Self.send(server, "DELETE", path)
        #expect(deleting.status == 200)
        #expect(deleting.body["metadata"]?["deletionTimestamp"] != nil)
        let stillThere = await Self.send(server, "GET", path)
        #expect(stillThere.status == 200)
        let added = await Self.send(
            server, "PATCH", path, ["metadata": ["finalizers": ["example.com/hold", "example.com/more"]]],
            contentType: "application/merge-patch+json"
        )
        #expect(added.status == 422)
        #expect(added.body["details"]?["causes"]?[0]?["field"] == "metadata.finalizers")
        let released = await Self.send(server, "PATCH", path, ["metadata": ["finalizers": nil]], contentType: "application/merge-patch+json")
        #expect(released.status == 200)
        let gone = await Self.send(server, "GET", path)
        #expect(gone.status == 404)
    }

    @Test func garbageCollectionFollowsOwnerReferences() async throws {
        let server = await Self.server()
        let owner = await Self.send(
            server, "POST", "/api/v1/namespaces/default/configmaps",
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "owner"]]
        )
        let uid = try #require(owner.body["metadata"]?["uid"])
        _ = await Self.send(
            server, "POST", "/api/v1/namespaces/default/configmaps",
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": [
                "name": "dependent",
                "ownerReferences": [["apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": uid, "controller": true]],
            ]]
        )
        _ = await Self.send(server, "DELETE", "/api/v1/namespaces/default/configmaps/owner")
        try await Self.eventually { await Self.send(server, "GET", "/api/v1/namespaces/default/configmaps/dependent").status == 404 }
    }

    @Test func namespaceDeletionRemovesItsContents() async throws {
        let server = await Self.server()
        _ = await Self.send(server, "POST", "/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "team"]])
        _ = await Self.send(
            server, "POST", "/api/v1/namespaces/team/configmaps",
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "inside"]]
        )
        let deleting = await Self.send(server, "DELETE", "/api/v1/namespaces/team")
        #expect(deleting.body["status"]?["phase"] == "Terminating" || deleting.status == 200)
        try await Self.eventually { await Self.send(server, "GET", "/api/v1/namespaces/team").status == 404 }
        #expect(await Self.send(server, "GET", "/api/v1/namespaces/team/configmaps/inside").status == 404)
    }

    @Test func podStatusWritesCarryMetadataButNotSpecOrOwners() async throws {
        let server = await Self.server()
        let path = "/api/v1/namespaces/default/pods"
        let pod: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": [
                "name": "web-0", "labels": ["app": "web", "state": "PreparingNormal"],
                "ownerReferences": [["apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": "u-1"]],
            ],
            "spec": ["containers": [["name": "main", "image": "nginx:1.25"]]],
        ]
        #expect(await Self.send(server, "POST", path, pod).status == 201)
        let patch: JSONValue = [
            "metadata": [
                "labels": ["state": "Normal"], "annotations": ["note": "x"], "finalizers": ["example.com/hold"],
                "ownerReferences": [["apiVersion": "v1", "kind": "ConfigMap", "name": "other", "uid": "u-2"]],
            ],
            "spec": ["containers": [["name": "main", "image": "nginx:1.26"]]],
            "status": ["conditions": [["type": "InPlaceUpdateReady", "status": "True"]]],
        ]
        let written = await Self.send(server, "PATCH", path + "/web-0/status", patch, contentType: "application/merge-patch+json")
        #expect(written.status == 200)
        #expect(written.body["metadata"]?["labels"] == ["app": "web", "state": "Normal"])
        #expect(written.body["metadata"]?["annotations"] == ["note": "x"])
        #expect(written.body["metadata"]?["finalizers"] == ["example.com/hold"])
        #expect(written.body["metadata"]?["ownerReferences"]?[0]?["name"] == "owner")
        #expect(written.body["spec"]?["containers"]?[0]?["image"] == "nginx:1.25")
        #expect(written.body["status"]?["conditions"]?[0]?["type"] == "InPlaceUpdateReady")
        let stored = await Self.send(server, "GET", path + "/web-0")
        #expect(stored.body["metadata"]?["labels"]?["state"] == "Normal")
        #expect(stored.body["metadata"]?["resourceVersion"] == written.body["metadata"]?["resourceVersion"])
        // Label values are still validated.
        let bad = await Self.send(
            server, "PATCH", path + "/web-0/status", ["metadata": ["labels": ["state": "no spaces"]]],
            contentType: "application/merge-patch+json")
        #expect(bad.status == 422)
    }

    @Test func customResourcesAreServedOnceTheirDefinitionIsEstablished() async throws {
        let server = await Self.server()
        let definition: JSONValue = [
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": ["name": "clonesets.apps.kruise.io"],
            "spec": [
                "group": "apps.kruise.io",
                "names": ["kind": "CloneSet", "listKind": "CloneSetList", "plural": "clonesets", "singular": "cloneset", "shortNames": ["clone"]],
                "scope": "Namespaced",
                "versions": [[
                    "name": "v1alpha1", "served": true, "storage": true,
                    "schema": ["openAPIV3Schema": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]],
                    "subresources": ["status": [:], "scale": ["specReplicasPath": ".spec.replicas", "statusReplicasPath": ".status.replicas", "labelSelectorPath": ".status.labelSelector"]],
                ]],
            ],
        ]
        let created = await Self.send(server, "POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", definition)
        #expect(created.status == 201)
        let crd = await Self.send(server, "GET", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clonesets.apps.kruise.io")
        #expect(crd.body["status"]?["conditions"]?.arrayValue?.contains { $0["type"] == "Established" && $0["status"] == "True" } == true)
        let resources = await Self.send(server, "GET", "/apis/apps.kruise.io/v1alpha1")
        #expect(resources.body["resources"]?.arrayValue?.compactMap { $0["name"]?.stringValue } .contains("clonesets/scale") == true)

        let path = "/apis/apps.kruise.io/v1alpha1/namespaces/default/clonesets"
        let cloneSet: JSONValue = ["apiVersion": "apps.kruise.io/v1alpha1", "kind": "CloneSet", "metadata": ["name": "cs"], "spec": ["replicas": 3], "status": ["replicas": 9]]
        let cs = await Self.send(server, "POST", path, cloneSet)
        #expect(cs.status == 201)
        #expect(cs.body["status"] == nil)  // status is dropped on create when it has its own subresource
        let noVersion = await Self.send(server, "PUT", path + "/cs", cloneSet)
        #expect(noVersion.status == 422)
        var status = cs.body
        status["status"] = ["replicas": 3, "labelSelector": "app=cs"]
        status["metadata"]?["labels"] = ["tier": "web"]
        let statusWrite = await Self.send(server, "PUT", path + "/cs/status", status)
        #expect(statusWrite.status == 200)
        #expect(statusWrite.body["status"]?["replicas"] == 3)
        #expect(statusWrite.body["metadata"]?["labels"] == nil)  // a custom resource's status write is status alone
        #expect(statusWrite.body["metadata"]?["generation"] == 1)
        let scale = await Self.send(server, "GET", path + "/cs/scale")
        #expect(scale.body["status"]?["selector"] == "app=cs")
        #expect(scale.body["spec"]?["replicas"] == 3)
        let strategic = await Self.send(server, "PATCH", path + "/cs", ["spec": ["replicas": 1]], contentType: "application/strategic-merge-patch+json")
        #expect(strategic.status == 415)

        _ = await Self.send(server, "DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clonesets.apps.kruise.io")
        try await Self.eventually {
            await Self.send(server, "GET", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clonesets.apps.kruise.io").status == 404
        }
        #expect(await Self.send(server, "GET", path).status == 404)
    }

    /// Polls `condition` for up to five seconds.
    static func eventually(_ condition: () async -> Bool) async throws {
        for _ in 0..<100 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("condition not met within 5 s")
    }
}
