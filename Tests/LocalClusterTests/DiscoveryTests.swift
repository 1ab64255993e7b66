import KubeJSON
import KubeModel
import LocalCluster
import Testing

private func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

@Suite struct DiscoveryTests {
    let discovery = Discovery(registry: .builtin, serverAddress: "127.0.0.1:18081")

    /// `storageVersionHash` of a built-in resource.
    private func hash(_ group: String, _ plural: String) -> String {
        ResourceRegistry.builtin.resources.first { $0.group == group && $0.plural == plural }!.storageVersionHash
    }

    @Test func apiVersions() throws {
        #expect(
            self.discovery.apiVersions().serializedString()
                == #"{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1:18081"}]}"#
        )
    }

    @Test func apiGroupListAndGroup() throws {
        let list = self.discovery.apiGroupList()
        #expect(list["kind"] == "APIGroupList")
        #expect(list["apiVersion"] == "v1")
        let groups = try #require(list["groups"]?.arrayValue)
        #expect(groups.count == 7)
        #expect(
            groups[0] == (try json(
                #"{"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}"#
            ))
        )
        #expect(
            self.discovery.apiGroup("apps")?.serializedString()
                == #"{"kind":"APIGroup","apiVersion":"v1","name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}"#
        )
        #expect(self.discovery.apiGroup("nope") == nil)
        #expect(self.discovery.apiGroup("") == nil)
    }

    @Test func appsV1ResourceList() throws {
        let expected = try json(
            """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apps/v1","resources":[
             {"name":"controllerrevisions","singularName":"controllerrevision","namespaced":true,"kind":"ControllerRevision",
              "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"\(self.hash("apps", "controllerrevisions"))"},
             {"name":"daemonsets","singularName":"daemonset","namespaced":true,"kind":"DaemonSet",
              "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
              "shortNames":["ds"],"categories":["all"],"storageVersionHash":"\(self.hash("apps", "daemonsets"))"},
             {"name":"daemonsets/status","singularName":"","namespaced":true,"kind":"DaemonSet","verbs":["get","patch","update"]},
             {"name":"deployments","singularName":"deployment","namespaced":true,"kind":"Deployment",
              "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
              "shortNames":["deploy"],"categories":["all"],"storageVersionHash":"\(self.hash("apps", "deployments"))"},
             {"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale",
              "verbs":["get","patch","update"]},
             {"name":"deployments/status","singularName":"","namespaced":true,"kind":"Deployment","verbs":["get","patch","update"]},
             {"name":"replicasets","singularName":"replicaset","namespaced":true,"kind":"ReplicaSet",
              "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
              "shortNames":["rs"],"categories":["all"],"storageVersionHash":"\(self.hash("apps", "replicasets"))"},
             {"name":"replicasets/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale",
              "verbs":["get","patch","update"]},
             {"name":"replicasets/status","singularName":"","namespaced":true,"kind":"ReplicaSet","verbs":["get","patch","update"]},
             {"name":"statefulsets","singularName":"statefulset","namespaced":true,"kind":"StatefulSet",
              "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
              "shortNames":["sts"],"categories":["all"],"storageVersionHash":"\(self.hash("apps", "statefulsets"))"},
             {"name":"statefulsets/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale",
              "verbs":["get","patch","update"]},
             {"name":"statefulsets/status","singularName":"","namespaced":true,"kind":"StatefulSet","verbs":["get","patch","update"]}]}
            """
        )
        let actual = try #require(self.discovery.apiResourceList(GroupVersion(group: "apps", version: "v1")))
        #expect(actual == expected)
        // The reference's deployments entries, member order included.
        let entries = try #require(actual["resources"]?.arrayValue)
        #expect(
            entries[4].serializedString()
                == #"{"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale","verbs":["get","patch","update"]}"#
        )
        #expect(
            entries[3].serializedString()
                == #"{"name":"deployments","singularName":"deployment","namespaced":true,"kind":"Deployment","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["deploy"],"categories":["all"],"storageVersionHash":"8aSe+NMegvE="}"#
        )
        #expect(self.discovery.apiResourceList(GroupVersion(group: "apps", version: "v2")) == nil)
    }

    @Test func coreV1ResourceList() throws {
        let list = try #require(self.discovery.apiResourceList(GroupVersion(group: "", version: "v1")))
        #expect(list["groupVersion"] == "v1")
        let names = try #require(list["resources"]?.arrayValue).compactMap { $0["name"]?.stringValue }
        #expect(names == [
            "configmaps", "events", "namespaces", "namespaces/finalize", "namespaces/status", "nodes", "nodes/status",
            "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "pods/binding", "pods/eviction", "pods/status",
            "secrets", "serviceaccounts", "services", "services/status",
        ])
        let eviction = try #require(list["resources"]?.arrayValue?.first { $0["name"] == "pods/eviction" })
        #expect(
            eviction.serializedString()
                == #"{"name":"pods/eviction","singularName":"","namespaced":true,"group":"policy","version":"v1","kind":"Eviction","verbs":["create"]}"#
        )
        let namespaces = try #require(list["resources"]?.arrayValue?.first { $0["name"] == "namespaces" })
        #expect(namespaces["verbs"] == ["create", "delete", "get", "list", "patch", "update", "watch"])
        #expect(namespaces["namespaced"] == false)
    }

    @Test func aggregatedAppsMatchesTheReference() throws {
        let body = self.discovery.aggregatedGroups(format: .aggregatedV2)
        #expect(body["kind"] == "APIGroupDiscoveryList")
        #expect(body["apiVersion"] == "apidiscovery.k8s.io/v2")
        #expect(body["metadata"] == .emptyObject)
        let apps = try #require(body["items"]?[0])
        let deployments = try #require(apps["versions"]?[0]?["resources"]?.arrayValue?.first { $0["resource"] == "deployments" })
        #expect(
            deployments.serializedString()
                == #"{"resource":"deployments","responseKind":{"group":"","version":"","kind":"Deployment"},"scope":"Namespaced","singularResource":"deployment","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["deploy"],"categories":["all"],"subresources":[{"subresource":"scale","responseKind":{"group":"autoscaling","version":"v1","kind":"Scale"},"verbs":["get","patch","update"]},{"subresource":"status","responseKind":{"group":"","version":"","kind":"Deployment"},"verbs":["get","patch","update"]}]}"#
        )
        #expect(apps["metadata"] == (try json(#"{"name":"apps","creationTimestamp":null}"#)))
        #expect(apps["versions"]?[0]?["version"] == "v1")
        #expect(apps["versions"]?[0]?["freshness"] == "Current")
        let resources = try #require(apps["versions"]?[0]?["resources"]?.arrayValue)
        #expect(resources.compactMap { $0["resource"]?.stringValue } == [
            "controllerrevisions", "daemonsets", "deployments", "replicasets", "statefulsets",
        ])
        let revisions = try #require(resources.first)
        #expect(revisions["shortNames"] == nil && revisions["categories"] == nil && revisions["subresources"] == nil)
        #expect(body["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } == ResourceRegistry.builtin.groups)
    }

    @Test func aggregatedCore() throws {
        let body = self.discovery.aggregatedCore(format: .aggregatedV2Beta1)
        #expect(body["apiVersion"] == "apidiscovery.k8s.io/v2beta1")
        let items = try #require(body["items"]?.arrayValue)
        #expect(items.count == 1)
        #expect(items[0]["metadata"]?.serializedString() == #"{"creationTimestamp":null}"#)
        let pods = try #require(items[0]["versions"]?[0]?["resources"]?.arrayValue?.first { $0["resource"] == "pods" })
        #expect(pods["scope"] == "Namespaced")
        #expect(pods["shortNames"] == ["po"])
        #expect(pods["categories"] == ["all"])
        #expect(
            pods["subresources"]?[1] == (try json(
                #"{"subresource":"eviction","responseKind":{"group":"policy","version":"v1","kind":"Eviction"},"verbs":["create"]}"#
            ))
        )
        let nodes = try #require(items[0]["versions"]?[0]?["resources"]?.arrayValue?.first { $0["resource"] == "nodes" })
        #expect(nodes["scope"] == "Cluster")
    }

    @Test func cloneSetDiscovery() throws {
        let registry = try ResourceRegistry.builtin.adding(crd: cloneSetCRD())
        let discovery = Discovery(registry: registry, serverAddress: "127.0.0.1:18081")
        let hash = try #require(registry.resource(group: "apps.kruise.io", version: "v1alpha1", plural: "clonesets")).storageVersionHash
        let legacy = try #require(discovery.apiResourceList(GroupVersion(group: "apps.kruise.io", version: "v1alpha1")))
        #expect(
            legacy == (try json(
                """
                {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apps.kruise.io/v1alpha1","resources":[
                 {"name":"clonesets","singularName":"cloneset","namespaced":true,"kind":"CloneSet",
                  "verbs":["delete","deletecollection","get","list","patch","create","update","watch"],
                  "shortNames":["clone"],"storageVersionHash":"\(hash)"},
                 {"name":"clonesets/status","singularName":"","namespaced":true,"kind":"CloneSet","verbs":["get","patch","update"]},
                 {"name":"clonesets/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale",
                  "verbs":["get","patch","update"]}]}
                """
            ))
        )
        #expect(
            discovery.apiGroup("apps.kruise.io")
                == (try json(
                    #"{"kind":"APIGroup","apiVersion":"v1","name":"apps.kruise.io","versions":[{"groupVersion":"apps.kruise.io/v1alpha1","version":"v1alpha1"}],"preferredVersion":{"groupVersion":"apps.kruise.io/v1alpha1","version":"v1alpha1"}}"#
                ))
        )
        let groups = try #require(discovery.apiGroupList()["groups"]?.arrayValue)
        #expect(groups.last?["name"] == "apps.kruise.io")

        let aggregated = discovery.aggregatedGroups(format: .aggregatedV2)
        let item = try #require(aggregated["items"]?.arrayValue?.last)
        #expect(
            item == (try json(
                """
                {"metadata":{"name":"apps.kruise.io","creationTimestamp":null},"versions":[
                 {"version":"v1alpha1","resources":[
                  {"resource":"clonesets","responseKind":{"group":"apps.kruise.io","version":"v1alpha1","kind":"CloneSet"},
                   "scope":"Namespaced","singularResource":"cloneset",
                   "verbs":["delete","deletecollection","get","list","patch","create","update","watch"],"shortNames":["clone"],
                   "subresources":[
                    {"subresource":"status","responseKind":{"group":"apps.kruise.io","version":"v1alpha1","kind":"CloneSet"},
                     "verbs":["get","patch","update"]},
                    {"subresource":"scale","responseKind":{"group":"autoscaling","version":"v1","kind":"Scale"},
                     "verbs":["get","patch","update"]}]}],
                 "freshness":"Current"}]}
                """
            ))
        )
        // Removing the CRD removes the group everywhere.
        let removed = Discovery(registry: registry.removing(crd: try cloneSetCRD()), serverAddress: "127.0.0.1:18081")
        #expect(removed.apiGroup("apps.kruise.io") == nil)
        #expect(removed.apiResourceList(GroupVersion(group: "apps.kruise.io", version: "v1alpha1")) == nil)
        #expect(removed.aggregatedGroups(format: .aggregatedV2) == self.discovery.aggregatedGroups(format: .aggregatedV2))
    }

    static let kubectl132 =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"
    static let kubectl128 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"

    @Test(arguments: [
        (DiscoveryTests.kubectl132, DiscoveryFormat.aggregatedV2),
        (DiscoveryTests.kubectl128, .aggregatedV2Beta1),
        ("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json", .aggregatedV2),
        ("application/json, */*", .legacy),
        ("application/json", .legacy),
        ("*/*", .legacy),
        ("", .legacy),
        ("application/vnd.kubernetes.protobuf", .legacy),
        ("application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", .legacy),
        ("application/json;as=Table;v=v1;g=meta.k8s.io,application/json", .legacy),
        ("application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList", .legacy),
        ("application/json;q=0.5, application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList", .aggregatedV2Beta1),
        ("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList;q=0,application/json", .legacy),
        ("application/json; as=APIGroupDiscoveryList; v=v2; g=apidiscovery.k8s.io", .aggregatedV2),
    ])
    func negotiation(accept: String, expected: DiscoveryFormat) {
        #expect(DiscoveryFormat.negotiate(accept: accept) == expected)
    }

    @Test func responsesCarryTheExactContentType() throws {
        let v2 = self.discovery.response(for: .groups, accept: Self.kubectl132)
        #expect(v2.contentType == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
        #expect(v2.body["apiVersion"] == "apidiscovery.k8s.io/v2")

        let v2beta1 = self.discovery.response(for: .core, accept: Self.kubectl128)
        #expect(v2beta1.contentType == "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList")
        #expect(v2beta1.body["apiVersion"] == "apidiscovery.k8s.io/v2beta1")
        #expect(v2beta1.body["items"]?[0]?["versions"]?[0]?["version"] == "v1")

        let python = self.discovery.response(for: .groups, accept: "application/json")
        #expect(python.contentType == "application/json")
        #expect(python.body == self.discovery.apiGroupList())

        let legacyCore = self.discovery.response(for: .core, accept: nil)
        #expect(legacyCore.body == self.discovery.apiVersions())
    }
}
