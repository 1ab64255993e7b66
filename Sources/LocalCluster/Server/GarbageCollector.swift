import KubeJSON
import Synchronization
import KubeModel

/// What kube-controller-manager's garbage collector and namespace controller, and kube-apiserver's CRD
/// finalizer, do after a deletion, run in-process: dependents of a deleted owner are deleted (Background), or
/// deleted before their owner goes (Foreground, the `foregroundDeletion` finalizer), or released (Orphan, the
/// `orphan` finalizer); a terminating namespace is emptied and then removed; a deleted CRD takes its custom
/// resources with it.
struct GarbageCollector: Sendable {
    let server: APIServer

    /// Waits between checks while clean-up waits for objects held by other finalizers: short at first, at
    /// most a second, for as long as the object being cleaned up exists (kube's controllers wait as long).
    private struct Backoff {
        private var delay = Duration.milliseconds(25)

        mutating func wait() async {
            try? await Task.sleep(for: self.delay)
            self.delay = min(self.delay * 2, .seconds(1))
        }
    }

    func clean(after stored: StoredObject, target: ResourceRequest) async {
        let metadata = ObjectMeta(object: stored.value["metadata"]?.objectValue ?? JSONObject())
        let uid = metadata.uid ?? ""
        let live = self.server.store.get(stored.key)
        let stillExists = live?.value["metadata"]?["uid"]?.stringValue == uid
        let resource = target.resource
        if !stillExists {
            await self.collectDependents(of: uid, namespace: stored.key.namespace)
            return
        }
        guard metadata.isBeingDeleted else { return }
        if resource.isNamespaces {
            await self.drainNamespace(stored.key.name, target: target)
        } else if resource.isCustomResourceDefinitions {
            await self.removeDefinition(stored, target: target)
        } else if metadata.finalizers.contains("foregroundDeletion") {
            await self.deleteDependentsFirst(owner: stored, target: target)
        } else if metadata.finalizers.contains("orphan") {
            await self.orphanDependents(owner: stored, target: target)
        }
    }

    // MARK: - Dependents

    /// Every stored object with an owner reference to `uid`: in `namespace` (any namespace for a cluster-scoped
    /// owner, whose `namespace` is empty) or cluster-scoped.
    private func dependents(of uid: String, namespace: String) -> [(StoredObject, APIResource)] {
        guard !uid.isEmpty else { return [] }
        let resources = self.server.registry.resources
        return self.server.store.dependents(ofOwner: uid).compactMap { object in
            guard let resource = resources.first(where: { $0.group == object.key.group && $0.plural == object.key.resource })
            else { return nil }
            if resource.namespaced && !namespace.isEmpty && object.key.namespace != namespace { return nil }
            return (object, resource)
        }
    }

    /// Background propagation: dependents whose only live owner was `uid` are deleted; those with other owners
    /// just lose the reference.
    private func collectDependents(of uid: String, namespace: String) async {
        for (dependent, resource) in self.dependents(of: uid, namespace: namespace) {
            let references = dependent.value["metadata"]?["ownerReferences"]?.arrayValue ?? []
            let otherOwnersAlive = references.contains { reference in
                guard let otherUID = reference["uid"]?.stringValue, otherUID != uid else { return false }
                return self.ownerExists(uid: otherUID, reference: reference, namespace: dependent.key.namespace)
            }
            if otherOwnersAlive {
                await self.removeOwnerReference(uid, from: dependent, resource: resource)
            } else {
                _ = await self.server.handle(self.deleteRequest(dependent.key, resource: resource, policy: "Background"))
            }
        }
    }

    /// Foreground propagation: dependents are deleted (themselves in the foreground) and the owner keeps its
    /// `foregroundDeletion` finalizer until those blocking it are gone.
    private func deleteDependentsFirst(owner: StoredObject, target: ResourceRequest) async {
        let uid = owner.value["metadata"]?["uid"]?.stringValue ?? ""
        var backoff = Backoff()
        var requested: Set<ObjectKey> = []
        while self.server.store.get(owner.key)?.value["metadata"]?["uid"]?.stringValue == uid {
            let dependents = self.dependents(of: uid, namespace: owner.key.namespace)
            let blocking = dependents.filter { dependent, _ in
                let references = dependent.value["metadata"]?["ownerReferences"]?.arrayValue ?? []
                return references.contains { $0["uid"]?.stringValue == uid && $0["blockOwnerDeletion"] == .bool(true) }
            }
            for (dependent, resource) in dependents where !requested.contains(dependent.key) {
                requested.insert(dependent.key)
                _ = await self.server.handle(self.deleteRequest(dependent.key, resource: resource, policy: "Foreground"))
            }
            if blocking.isEmpty {
                await self.removeFinalizer("foregroundDeletion", from: owner.key, target: target)
                return
            }
            await backoff.wait()
        }
    }

    /// Orphan propagation: dependents lose their reference to the owner, then the `orphan` finalizer goes.
    private func orphanDependents(owner: StoredObject, target: ResourceRequest) async {
        let uid = owner.value["metadata"]?["uid"]?.stringValue ?? ""
        for (dependent, resource) in self.dependents(of: uid, namespace: owner.key.namespace) {
            await self.removeOwnerReference(uid, from: dependent, resource: resource)
        }
        await self.removeFinalizer("orphan", from: owner.key, target: target)
    }

    private func ownerExists(uid: String, reference: JSONValue, namespace: String) -> Bool {
        guard let apiVersion = reference["apiVersion"]?.stringValue, let kind = reference["kind"]?.stringValue,
            let name = reference["name"]?.stringValue,
            let gvk = GroupVersionKind(apiVersion: apiVersion, kind: kind),
            let resource = self.server.registry.resource(for: gvk)
        else { return false }
        let key = ObjectKey(
            group: resource.group,
            resource: resource.plural,
            namespace: resource.namespaced ? namespace : "",
            name: name
        )
        return self.server.store.get(key)?.value["metadata"]?["uid"]?.stringValue == uid
    }

    // MARK: - Namespaces and CRDs

    /// Deletes everything in a terminating namespace, waits for it to go, then removes the namespace.
    private func drainNamespace(_ namespace: String, target: ResourceRequest) async {
        let namespaceKey = ObjectKey(group: "", resource: "namespaces", namespace: "", name: namespace)
        var backoff = Backoff()
        var requested: Set<ObjectKey> = []
        while self.server.store.get(namespaceKey) != nil {
            var remaining = 0
            for resource in self.server.registry.resources where resource.namespaced {
                let items = (try? self.server.store.list(group: resource.group, resource: resource.plural, namespace: namespace).items) ?? []
                remaining += items.count
                for item in items where !requested.contains(item.key) {
                    requested.insert(item.key)
                    _ = await self.server.handle(self.deleteRequest(item.key, resource: resource, policy: "Background"))
                }
            }
            if remaining == 0 {
                let key = ObjectKey(group: "", resource: "namespaces", namespace: "", name: namespace)
                if let released = try? await self.server.store.guaranteedUpdate(key, { current in
                    var object = Namespace(object: current.value.objectValue ?? JSONObject())
                    guard !object.specFinalizers.isEmpty else { return nil }
                    object.specFinalizers = []
                    return object.json
                }) {
                    _ = try? await self.server.finalizeIfReleased(released, target: target)
                }
                return
            }
            await backoff.wait()
        }
    }

    /// Deletes a deleted CRD's custom resources (each as a DELETE would, so their finalizers and dependents
    /// are honoured), waits for them to go, then stops serving the resource and removes the CRD.
    private func removeDefinition(_ stored: StoredObject, target: ResourceRequest) async {
        let definition = CustomResourceDefinition(object: stored.value.objectValue ?? JSONObject())
        let group = definition.spec.group
        let plural = definition.spec.names.plural
        guard let resource = self.server.registry.resource(group: group, version: definition.spec.versions.first { $0.storage }?.name ?? "", plural: plural) else {
            await self.finishDefinitionRemoval(definition, key: stored.key, target: target)
            return
        }
        var backoff = Backoff()
        var requested: Set<ObjectKey> = []
        while self.server.store.get(stored.key) != nil {
            let items = (try? self.server.store.list(group: group, resource: plural).items) ?? []
            if items.isEmpty { break }
            for item in items where !requested.contains(item.key) {
                requested.insert(item.key)
                _ = await self.server.handle(self.deleteRequest(item.key, resource: resource, policy: "Background"))
            }
            await backoff.wait()
        }
        await self.finishDefinitionRemoval(definition, key: stored.key, target: target)
    }

    private func finishDefinitionRemoval(_ definition: CustomResourceDefinition, key: ObjectKey, target: ResourceRequest) async {
        self.server.registryBox.withLock { registry in
            registry = registry.removing(crd: definition)
        }
        if let current = self.server.store.get(key),
            ObjectMeta(object: current.value["metadata"]?.objectValue ?? JSONObject()).finalizers.isEmpty
        {
            _ = try? await self.server.finalizeIfReleased(current, target: target)
        }
    }

    // MARK: - Writes

    private func removeFinalizer(_ finalizer: String, from key: ObjectKey, target: ResourceRequest) async {
        guard let updated = try? await self.server.store.guaranteedUpdate(key, { current in
            var metadata = ObjectMeta(object: current.value["metadata"]?.objectValue ?? JSONObject())
            guard metadata.finalizers.contains(finalizer) else { return nil }
            metadata.finalizers.removeAll { $0 == finalizer }
            var object = current.value
            object["metadata"] = .object(metadata.object)
            return object
        }) else { return }
        var itemTarget = target
        itemTarget.name = key.name
        _ = try? await self.server.finalizeIfReleased(updated, target: itemTarget)
    }

    private func removeOwnerReference(_ uid: String, from dependent: StoredObject, resource: APIResource) async {
        _ = try? await self.server.store.guaranteedUpdate(dependent.key) { current in
            var metadata = ObjectMeta(object: current.value["metadata"]?.objectValue ?? JSONObject())
            let references = metadata.ownerReferences
            let kept = references.filter { $0.uid != uid }
            guard kept.count != references.count else { return nil }
            metadata.ownerReferences = kept
            var object = current.value
            object["metadata"] = .object(metadata.object)
            return object
        }
    }

    private func deleteRequest(_ key: ObjectKey, resource: APIResource, policy: String) -> APIRequest {
        APIRequest(
            method: "DELETE",
            target: Self.path(for: key, resource: resource) + "?propagationPolicy=\(policy)"
        )
    }

    /// The request path of a stored object.
    static func path(for key: ObjectKey, resource: APIResource) -> String {
        let root = resource.group.isEmpty ? "/api/\(resource.storageVersion)" : "/apis/\(resource.group)/\(resource.storageVersion)"
        let scope = resource.namespaced ? "/namespaces/\(key.namespace)" : ""
        return "\(root)\(scope)/\(resource.plural)/\(key.name)"
    }
}
