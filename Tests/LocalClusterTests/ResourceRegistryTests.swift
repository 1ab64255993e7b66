import Foundation
import KubeJSON
import KubeModel
import LocalCluster
import Testing

/// The CloneSet CRD of the KubeJSON fixtures (status and scale subresources, two printer columns).
func cloneSetCRD() throws -> CustomResourceDefinition {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("KubeJSONTests/Fixtures/crd.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    let documents = try YAMLReader().readAll(text)
    return try CustomResourceDefinition.decode(try #require(documents.first))
}

/// A CRD built from YAML text.
func crd(_ yaml: String) throws -> CustomResourceDefinition {
    try CustomResourceDefinition.decode(try YAMLReader().read(yaml))
}

@Suite struct ResourceRegistryTests {
    let registry = ResourceRegistry.builtin

    @Test func everyBuiltinKindIsServed() {
        for descriptor in BuiltinKinds.all {
            let resource = self.registry.resource(for: descriptor.groupVersionKind)
            #expect(resource?.plural == descriptor.plural, "\(descriptor.groupVersionKind)")
            #expect(resource?.namespaced == descriptor.namespaced)
            #expect(resource?.shortNames == descriptor.shortNames)
        }
        #expect(self.registry.resources.count == BuiltinKinds.all.count)
    }

    @Test func groupsInKubeOrder() {
        #expect(
            self.registry.groups == [
                "apps", "batch", "networking.k8s.io", "rbac.authorization.k8s.io", "admissionregistration.k8s.io",
                "coordination.k8s.io", "apiextensions.k8s.io",
            ]
        )
        #expect(self.registry.versions(ofGroup: "") == ["v1"])
        #expect(self.registry.preferredVersion(ofGroup: "apps") == "v1")
        #expect(self.registry.groupVersions.first == GroupVersion(group: "", version: "v1"))
        #expect(!self.registry.serves(GroupVersion(group: "autoscaling", version: "v1")))
        #expect(self.registry.resources(in: GroupVersion(group: "apps", version: "v1")).map(\.plural) == [
            "controllerrevisions", "daemonsets", "deployments", "replicasets", "statefulsets",
        ])
    }

    @Test func builtinTraits() throws {
        let pods = try #require(self.registry.resource(group: "", version: "v1", plural: "pods"))
        #expect(pods.categories == ["all"])
        #expect(pods.verbs == APIVerb.all)
        #expect(pods.versions[0].subresources.map(\.name) == ["binding", "eviction", "status"])
        let eviction = try #require(pods.versions[0].subresource(named: "eviction"))
        #expect(eviction.responseGroup == "policy" && eviction.responseVersion == "v1" && eviction.responseKind == "Eviction")
        #expect(pods.listKind == "PodList")
        #expect(pods.qualifiedResource == "pods")

        let namespaces = try #require(self.registry.resource(group: "", version: "v1", plural: "namespaces"))
        #expect(!namespaces.allows(.deletecollection))
        #expect(namespaces.versions[0].subresource(named: "finalize")?.verbs == [.update])

        let deployments = try #require(self.registry.resource(group: "apps", version: "v1", plural: "deployments"))
        #expect(deployments.qualifiedResource == "deployments.apps")
        #expect(deployments.qualifiedKind == "Deployment.apps")
        #expect(deployments.versions[0].subresource(named: "scale")?.isScale == true)

        #expect(self.registry.resources(inCategory: "all").map(\.plural) == [
            "pods", "services", "daemonsets", "deployments", "replicasets", "statefulsets", "jobs",
        ])
        #expect(self.registry.resource(group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions")?.categories == [
            "api-extensions"
        ])
    }

    @Test(arguments: [
        ("po", "pods"), ("deploy", "deployments"), ("sts", "statefulsets"), ("ns", "namespaces"), ("crd", "customresourcedefinitions"),
        ("crds", "customresourcedefinitions"), ("ing", "ingresses"), ("cm", "configmaps"),
    ])
    func shortNames(shortName: String, plural: String) {
        #expect(self.registry.resource(shortName: shortName)?.plural == plural)
    }

    @Test func storageVersionHashesMatchKube() throws {
        // Values kube-apiserver reports for these resources.
        #expect(self.registry.resource(group: "", version: "v1", plural: "pods")?.storageVersionHash == "xPOwRZ+Yhw8=")
        #expect(self.registry.resource(group: "apps", version: "v1", plural: "deployments")?.storageVersionHash == "8aSe+NMegvE=")
    }

    @Test func addsACustomResourceDefinition() throws {
        let crd = try cloneSetCRD()
        let withCRD = try self.registry.adding(crd: crd)
        let cloneSets = try #require(withCRD.resource(group: "apps.kruise.io", version: "v1alpha1", plural: "clonesets"))
        #expect(cloneSets.kind == "CloneSet")
        #expect(cloneSets.listKind == "CloneSetList")
        #expect(cloneSets.singular == "cloneset")
        #expect(cloneSets.namespaced)
        #expect(cloneSets.shortNames == ["clone"])
        #expect(cloneSets.storageVersion == "v1alpha1")
        #expect(cloneSets.customResourceDefinitionName == "clonesets.apps.kruise.io")
        #expect(cloneSets.verbs == [.delete, .deletecollection, .get, .list, .patch, .create, .update, .watch])
        let version = cloneSets.versions[0]
        #expect(version.subresources.map(\.name) == ["status", "scale"])
        #expect(
            version.subresource(named: "scale")?.scalePaths
                == ScaleSubresourcePaths(
                    specReplicasPath: ".spec.replicas",
                    statusReplicasPath: ".status.replicas",
                    labelSelectorPath: ".status.labelSelector"
                )
        )
        #expect(version.printerColumns == [
            PrinterColumn(name: "DESIRED", type: "integer", jsonPath: ".spec.replicas"),
            PrinterColumn(name: "UPDATED", type: "integer", jsonPath: ".status.updatedReplicas"),
        ])
        #expect(version.schema?["x-kubernetes-preserve-unknown-fields"] == true)

        #expect(withCRD.groups.last == "apps.kruise.io")
        #expect(withCRD.resource(for: GroupVersionKind(group: "apps.kruise.io", version: "v1alpha1", kind: "CloneSet")) == cloneSets)
        #expect(withCRD.resource(shortName: "clone") == cloneSets)
        #expect(withCRD.serves(GroupVersion(group: "apps.kruise.io", version: "v1alpha1")))

        // Adding again replaces; removing restores the built-ins.
        #expect(try withCRD.adding(crd: crd) == withCRD)
        #expect(withCRD.removing(crd: crd) == self.registry)
        #expect(withCRD.removing(crdNamed: "clonesets.apps.kruise.io") == self.registry)
    }

    @Test func servesEveryServedVersionInKubeOrder() throws {
        let multi = try crd(
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              scope: Cluster
              names: {kind: Widget, plural: widgets}
              versions:
              - {name: v1alpha1, served: true, storage: false}
              - {name: v1beta1, served: true, storage: true, subresources: {status: {}}}
              - {name: v1, served: true, storage: false}
              - {name: v2alpha1, served: false, storage: false}
            """
        )
        let registry = try self.registry.adding(crd: multi)
        let widgets = try #require(registry.resource(group: "example.com", version: "v1", plural: "widgets"))
        #expect(widgets.versions.map(\.name) == ["v1", "v1beta1", "v1alpha1"])
        #expect(widgets.storageVersion == "v1beta1")
        #expect(widgets.singular == "widget")
        #expect(widgets.listKind == "WidgetList")
        #expect(!widgets.namespaced)
        #expect(widgets.version(named: "v1beta1")?.subresources.map(\.name) == ["status"])
        #expect(widgets.version(named: "v1")?.subresources.isEmpty == true)
        #expect(registry.versions(ofGroup: "example.com") == ["v1", "v1beta1", "v1alpha1"])
        #expect(registry.resource(group: "example.com", version: "v2alpha1", plural: "widgets") == nil)
    }

    @Test func terminatingDefinitionsKeepReadAndDeleteVerbs() throws {
        var definition = try cloneSetCRD()
        definition.conditions = [Condition(type: "Terminating", status: "True")]
        let registry = try self.registry.adding(crd: definition)
        #expect(registry.resource(group: "apps.kruise.io", version: "v1alpha1", plural: "clonesets")?.verbs == [
            .delete, .deletecollection, .get, .list, .watch,
        ])
    }

    @Test func rejectsConflictsAndIncompleteDefinitions() throws {
        let clash = try crd(
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: deployments.apps}
            spec:
              group: apps
              scope: Namespaced
              names: {kind: MyDeployment, plural: deployments}
              versions: [{name: v1beta1, served: true, storage: true}]
            """
        )
        #expect(throws: ResourceRegistryError.namesConflict(crd: "deployments.apps", reason: "\"deployments\" is already in use")) {
            try self.registry.adding(crd: clash)
        }
        let noKind = try crd(
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: things.example.com}
            spec: {group: example.com, scope: Namespaced, names: {plural: things}, versions: [{name: v1, served: true, storage: true}]}
            """
        )
        #expect(throws: ResourceRegistryError.invalidDefinition(crd: "things.example.com", reason: "spec.names.kind is required")) {
            try self.registry.adding(crd: noKind)
        }
        let unserved = try crd(
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: things.example.com}
            spec: {group: example.com, scope: Namespaced, names: {plural: things, kind: Thing}, versions: [{name: v1, served: false, storage: true}]}
            """
        )
        #expect(try self.registry.adding(crd: unserved) == self.registry)
    }

    @Test(arguments: [
        (["v1alpha1", "v1", "v2", "v1beta1", "v10", "v11beta2", "v10beta3", "v3beta1", "v12alpha1", "v11alpha2", "foo10", "foo1"],
         ["v10", "v2", "v1", "v11beta2", "v10beta3", "v3beta1", "v1beta1", "v12alpha1", "v11alpha2", "v1alpha1", "foo1", "foo10"])
    ])
    func kubeVersionPriority(versions: [String], expected: [String]) {
        #expect(KubeVersionOrder.sorted(versions) == expected)
    }
}
