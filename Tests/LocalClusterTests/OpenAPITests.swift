import KubeJSON
import KubeModel
import LocalCluster
import Testing

@Suite struct OpenAPITests {
    let documents = OpenAPIDocuments(registry: .builtin)

    private func registryWithCloneSet() throws -> ResourceRegistry {
        try ResourceRegistry.builtin.adding(crd: try OpenAPITestSupport.cloneSetDefinition())
    }

    // MARK: Index

    @Test func indexListsEveryGroupVersionWithAHashedURL() throws {
        let paths = try #require(self.documents.index["paths"]?.objectValue)
        #expect(
            paths.keys == [
                "api/v1", "apis/apps/v1", "apis/batch/v1", "apis/networking.k8s.io/v1", "apis/rbac.authorization.k8s.io/v1",
                "apis/admissionregistration.k8s.io/v1", "apis/coordination.k8s.io/v1", "apis/apiextensions.k8s.io/v1",
            ]
        )
        for member in paths {
            let url = try #require(member.value["serverRelativeURL"]?.stringValue)
            #expect(member.value.objectValue?.count == 1)
            #expect(url.hasPrefix("/openapi/v3/\(member.key)?hash="))
            let hash = url.split(separator: "=").last.map(String.init) ?? ""
            #expect(hash.count == 64)
            #expect(hash.allSatisfy { "0123456789ABCDEF".contains($0) })
            #expect(self.documents.document(atPath: member.key)?.hash == hash)
        }
        #expect(self.documents.indexBytes == self.documents.index.serialized())
    }

    @Test func documentsAreDeterministic() {
        let again = OpenAPIDocuments(registry: .builtin)
        #expect(again.indexBytes == self.documents.indexBytes)
        #expect(again.documents.map(\.bytes) == self.documents.documents.map(\.bytes))
    }

    // MARK: The PATCH operation kubectl's verifier looks for

    @Test func deploymentPatchOperationMatchesTheReferenceShape() throws {
        let document = try #require(self.documents.document(for: GroupVersion(group: "apps", version: "v1"))).body
        #expect(document["openapi"] == "3.0.0")
        #expect(document["info"]?["title"] == "Kubernetes")
        #expect(document["info"]?["version"] == "v1.32.0")
        let patch = try #require(document["paths"]?["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]?["patch"])
        #expect(patch["operationId"] == "patchAppsV1NamespacedDeployment")
        #expect(patch["x-kubernetes-action"] == "patch")
        #expect(patch["x-kubernetes-group-version-kind"] == ["group": "apps", "kind": "Deployment", "version": "v1"])
        let parameters = try #require(patch["parameters"]?.arrayValue)
        #expect(parameters.map { $0["name"]?.stringValue ?? "" } == ["dryRun", "fieldManager", "fieldValidation", "force"])
        #expect(parameters.allSatisfy { $0["in"] == "query" })
        #expect(parameters[3]["schema"]?["type"] == "boolean")
        let content = try #require(patch["requestBody"]?["content"]?.objectValue)
        #expect(content.keys == ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"])
        #expect(patch["responses"]?["200"]?["description"] == "OK")
    }

    @Test func noDocumentOffersStrategicMergePatch() throws {
        let registry = try self.registryWithCloneSet()
        for document in OpenAPIDocuments(registry: registry).documents {
            let text = String(decoding: document.bytes, as: UTF8.self)
            #expect(!text.contains("strategic-merge-patch"), "\(document.path)")
        }
    }

    /// kubectl's query-parameter verifier, for every resource: some path's `patch` names the kind and takes
    /// `fieldValidation` in the query.
    @Test func everyResourceHasAVerifiablePatchOperation() throws {
        let registry = try self.registryWithCloneSet()
        let documents = OpenAPIDocuments(registry: registry)
        for resource in registry.resources {
            for version in resource.versions {
                let gv = GroupVersion(group: resource.group, version: version.name)
                let paths = try #require(documents.document(for: gv)?.body["paths"]?.objectValue)
                let expected: JSONValue = [
                    "group": .string(resource.group), "kind": .string(resource.kind), "version": .string(version.name),
                ]
                let found = paths.contains { member in
                    guard let patch = member.value["patch"], patch["x-kubernetes-group-version-kind"] == expected else { return false }
                    return patch["parameters"]?.arrayValue?.contains { $0["name"] == "fieldValidation" && $0["in"] == "query" } ?? false
                }
                #expect(found, "\(resource.qualifiedResource)")
            }
        }
    }

    @Test func operationsFollowTheVerbsAndScope() throws {
        let core = try #require(self.documents.document(for: GroupVersion(group: "", version: "v1"))).body
        let paths = try #require(core["paths"])
        #expect(paths["/api/v1/namespaces/{namespace}/pods"]?["get"]?["operationId"] == "listCoreV1NamespacedPod")
        #expect(paths["/api/v1/namespaces/{namespace}/pods"]?["post"]?["operationId"] == "createCoreV1NamespacedPod")
        #expect(paths["/api/v1/namespaces/{namespace}/pods"]?["delete"]?["operationId"] == "deleteCoreV1CollectionNamespacedPod")
        #expect(paths["/api/v1/namespaces/{namespace}/pods/{name}"]?["get"]?["operationId"] == "readCoreV1NamespacedPod")
        #expect(paths["/api/v1/namespaces/{namespace}/pods/{name}"]?["put"]?["operationId"] == "replaceCoreV1NamespacedPod")
        #expect(paths["/api/v1/namespaces/{namespace}/pods/{name}/status"]?["patch"]?["operationId"] == "patchCoreV1NamespacedPodStatus")
        #expect(paths["/api/v1/pods"]?["get"]?["operationId"] == "listCoreV1PodForAllNamespaces")
        #expect(paths["/api/v1/nodes/{name}"]?["patch"]?["operationId"] == "patchCoreV1Node")
        // Namespaces have no deletecollection.
        #expect(paths["/api/v1/namespaces"]?["delete"] == nil)
        #expect(paths["/api/v1/namespaces"]?["get"]?["operationId"] == "listCoreV1Namespace")
        #expect(paths["/api/v1/"]?["get"]?["operationId"] == "getCoreV1APIResources")
        // Path parameters at the path level.
        let itemParameters = try #require(paths["/api/v1/namespaces/{namespace}/pods/{name}"]?["parameters"]?.arrayValue)
        #expect(itemParameters.map { $0["name"]?.stringValue ?? "" } == ["name", "namespace", "pretty"])

        let apps = try #require(self.documents.document(for: GroupVersion(group: "apps", version: "v1"))).body
        let scale = try #require(apps["paths"]?["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"]?["patch"])
        #expect(scale["operationId"] == "patchAppsV1NamespacedDeploymentScale")
        #expect(scale["x-kubernetes-group-version-kind"] == ["group": "autoscaling", "kind": "Scale", "version": "v1"])
        #expect(apps["components"]?["schemas"]?["io.k8s.api.autoscaling.v1.Scale"] != nil)
        let list = apps["paths"]?["/apis/apps/v1/namespaces/{namespace}/deployments"]?["get"]
        #expect(list?["x-kubernetes-action"] == "list")
        #expect(
            list?["responses"]?["200"]?["content"]?["application/json"]?["schema"]?["$ref"]
                == "#/components/schemas/io.k8s.api.apps.v1.DeploymentList"
        )
    }

    // MARK: Hashes

    @Test func hashChangesOnlyForTheGroupVersionThatChanged() throws {
        let withCRD = OpenAPIDocuments(registry: try self.registryWithCloneSet())
        let kruise = try #require(withCRD.document(for: GroupVersion(group: "apps.kruise.io", version: "v1alpha1")))
        #expect(withCRD.index["paths"]?["apis/apps.kruise.io/v1alpha1"]?["serverRelativeURL"] == .string(kruise.serverRelativeURL))
        #expect(self.documents.document(for: kruise.groupVersion) == nil)
        for document in self.documents.documents {
            #expect(withCRD.document(atPath: document.path)?.hash == document.hash, "\(document.path)")
        }
        #expect(withCRD.indexBytes != self.documents.indexBytes)

        // A changed schema changes the hash of its group version.
        let first = OpenAPIDocuments(registry: try ResourceRegistry.builtin.adding(crd: try OpenAPITestSupport.widgetDefinition()))
        let second = OpenAPIDocuments(
            registry: try ResourceRegistry.builtin.adding(crd: try OpenAPITestSupport.widgetDefinition(replicasDescription: "How many."))
        )
        let gv = GroupVersion(group: "example.com", version: "v1")
        #expect(first.document(for: gv)?.hash != second.document(for: gv)?.hash)
        #expect(first.document(for: GroupVersion(group: "apps", version: "v1"))?.hash == second.document(for: GroupVersion(group: "apps", version: "v1"))?.hash)
    }

    // MARK: Schemas and explain

    @Test func cloneSetSchemaIsExplainable() throws {
        let documents = OpenAPIDocuments(registry: try self.registryWithCloneSet())
        let document = try #require(documents.document(for: GroupVersion(group: "apps.kruise.io", version: "v1alpha1"))).body
        let schema = try #require(document["components"]?["schemas"]?["io.kruise.apps.v1alpha1.CloneSet"])
        #expect(schema["x-kubernetes-group-version-kind"] == [["group": "apps.kruise.io", "kind": "CloneSet", "version": "v1alpha1"]])
        #expect(schema["type"] == "object")
        #expect(schema["x-kubernetes-preserve-unknown-fields"] == true)
        #expect(schema["properties"]?.objectValue?.keys == ["apiVersion", "kind", "metadata"])
        #expect(document["components"]?["schemas"]?["io.kruise.apps.v1alpha1.CloneSetList"]?["x-kubernetes-group-version-kind"] != nil)
        let root = "/apis/apps.kruise.io/v1alpha1"
        let explained = try #require(OpenAPITestSupport.explain(document, root: root, plural: "clonesets", fields: []))
        #expect(explained["properties"]?["metadata"] != nil)
        let name = try #require(OpenAPITestSupport.explain(document, root: root, plural: "clonesets", fields: ["metadata", "name"]))
        #expect(name["type"] == "string")
        let labels = try #require(OpenAPITestSupport.explain(document, root: root, plural: "clonesets", fields: ["metadata", "labels"]))
        #expect(labels["additionalProperties"]?["type"] == "string")
        // The subresources are published too.
        #expect(document["paths"]?["\(root)/namespaces/{namespace}/clonesets/{name}/scale"]?["patch"] != nil)
        #expect(document["paths"]?["\(root)/namespaces/{namespace}/clonesets/{name}/status"]?["patch"] != nil)
    }

    @Test func structuralCustomResourceFieldsAreExplainable() throws {
        let documents = OpenAPIDocuments(registry: try ResourceRegistry.builtin.adding(crd: try OpenAPITestSupport.widgetDefinition()))
        let document = try #require(documents.document(for: GroupVersion(group: "example.com", version: "v1"))).body
        let replicas = try #require(OpenAPITestSupport.explain(document, root: "/apis/example.com/v1", plural: "widgets", fields: ["spec", "replicas"]))
        #expect(replicas == ["type": "integer", "description": "Desired number of widgets."])
        #expect(document["paths"]?["/apis/example.com/v1/widgets/{name}"]?["patch"]?["operationId"] == "patchExampleComV1Widget")
        #expect(OpenAPITestSupport.explain(document, root: "/apis/example.com/v1", plural: "widgets", fields: ["spec", "nope"]) == nil)
    }

    @Test(arguments: [
        ("api/v1", "/api/v1", "pods", ["spec", "containers", "image"], "string"),
        ("api/v1", "/api/v1", "pods", ["spec", "containers", "resources", "limits"], "object"),
        ("api/v1", "/api/v1", "pods", ["status", "phase"], "string"),
        ("api/v1", "/api/v1", "services", ["spec", "ports", "port"], "integer"),
        ("api/v1", "/api/v1", "nodes", ["spec", "taints", "effect"], "string"),
        ("api/v1", "/api/v1", "configmaps", ["data"], "object"),
        ("apis/apps/v1", "/apis/apps/v1", "deployments", ["spec", "replicas"], "integer"),
        ("apis/apps/v1", "/apis/apps/v1", "deployments", ["spec", "template", "spec", "containers", "name"], "string"),
        ("apis/apps/v1", "/apis/apps/v1", "deployments", ["spec", "strategy", "rollingUpdate", "maxSurge"], "string"),
        ("apis/apps/v1", "/apis/apps/v1", "statefulsets", ["spec", "serviceName"], "string"),
        ("apis/apps/v1", "/apis/apps/v1", "daemonsets", ["status", "numberReady"], "integer"),
        ("apis/batch/v1", "/apis/batch/v1", "jobs", ["spec", "completions"], "integer"),
        ("apis/coordination.k8s.io/v1", "/apis/coordination.k8s.io/v1", "leases", ["spec", "holderIdentity"], "string"),
        ("apis/apiextensions.k8s.io/v1", "/apis/apiextensions.k8s.io/v1", "customresourcedefinitions", ["spec", "group"], "string"),
    ])
    func builtinFieldsAreExplainable(path: String, root: String, plural: String, fields: [String], type: String) throws {
        let document = try #require(self.documents.document(atPath: path)).body
        let schema = try #require(OpenAPITestSupport.explain(document, root: root, plural: plural, fields: fields))
        #expect(schema["type"] == .string(type))
        #expect(schema["description"]?.stringValue?.isEmpty == false)
    }

    @Test func everyReferenceResolvesInsideItsDocument() throws {
        let registry = try self.registryWithCloneSet()
        let documents = OpenAPIDocuments(registry: registry)
        for document in documents.documents {
            let schemas = try #require(document.body["components"]?["schemas"]?.objectValue)
            for target in OpenAPITestSupport.references(in: document.body) {
                #expect(target.hasPrefix("#/components/schemas/"))
                #expect(schemas[String(target.dropFirst("#/components/schemas/".count))] != nil, "\(document.path): \(target)")
            }
            // Every kind served here has a schema naming it.
            for resource in registry.resources(in: document.groupVersion) {
                let gvk: JSONValue = ["group": .string(resource.group), "kind": .string(resource.kind), "version": .string(document.groupVersion.version)]
                #expect(schemas.contains { $0.value["x-kubernetes-group-version-kind"]?.arrayValue?.contains(gvk) ?? false }, "\(resource.kind)")
            }
        }
        // Schemas of other groups stay out: no Pod schema in apps/v1, no Deployment in api/v1.
        let apps = try #require(documents.document(atPath: "apis/apps/v1")?.body["components"]?["schemas"])
        #expect(apps["io.k8s.api.core.v1.Pod"] == nil)
        #expect(apps["io.k8s.api.core.v1.PodSpec"] != nil)
        #expect(documents.document(atPath: "api/v1")?.body["components"]?["schemas"]?["io.k8s.api.apps.v1.Deployment"] == nil)
    }

    // MARK: Serving

    @Test func servesTheIndexAndDocumentsWithCachingHeaders() throws {
        let index = try #require(self.documents.response(path: "/openapi/v3"))
        #expect(index.status == 200)
        #expect(index.header("content-type") == "application/json")
        #expect(index.body == self.documents.indexBytes)
        let etag = try #require(index.header("ETag"))
        #expect(self.documents.response(path: "/openapi/v3/", ifNoneMatch: etag)?.status == 304)

        let apps = try #require(self.documents.document(atPath: "apis/apps/v1"))
        let current = try #require(self.documents.response(path: "/openapi/v3/apis/apps/v1", hash: apps.hash))
        #expect(current.status == 200)
        #expect(current.body == apps.bytes)
        #expect(current.header("Cache-Control") == "public, immutable")
        #expect(current.header("ETag") == "\"\(apps.hash)\"")
        let unhashed = try #require(self.documents.response(path: "/openapi/v3/apis/apps/v1"))
        #expect(unhashed.status == 200)
        #expect(unhashed.header("Cache-Control") == nil)
        let stale = try #require(self.documents.response(path: "/openapi/v3/apis/apps/v1", hash: "BBB9"))
        #expect(stale.status == 301)
        #expect(stale.header("Location") == apps.serverRelativeURL)
        #expect(self.documents.response(path: "/openapi/v3/apis/apps/v1", hash: apps.hash, ifNoneMatch: "W/\"\(apps.hash)\"")?.status == 304)

        #expect(self.documents.response(path: "/openapi/v2") == nil)
        #expect(self.documents.response(path: "/openapi/v3/apis/nope/v1") == nil)
        #expect(self.documents.response(path: "/openapi/v3apis") == nil)
    }
}
