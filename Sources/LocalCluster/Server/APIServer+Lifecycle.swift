import KubeJSON
import Synchronization
import KubeModel

extension APIServer {
    /// Work that follows a successful write: serving (or refusing) a CRD's resources.
    func afterWrite(_ stored: StoredObject, target: ResourceRequest) async {
        guard target.resource.isCustomResourceDefinitions else { return }
        let definition = CustomResourceDefinition(object: stored.value.objectValue ?? JSONObject())
        if definition.metadata.isBeingDeleted { return }
        await self.establish(definition, key: stored.key)
    }

    /// Adds a CRD's resources to the registry and records the outcome in its status conditions.
    private func establish(_ definition: CustomResourceDefinition, key: ObjectKey) async {
        let outcome: Result<ResourceRegistry, ResourceRegistryError> = self.registryBox.withLock { registry in
            let result = Result { () throws(ResourceRegistryError) in try registry.removing(crd: definition).adding(crd: definition) }
            if case .success(let updated) = result { registry = updated }
            return result
        }
        _ = try? await self.store.guaranteedUpdate(key) { current in
            var crd = CustomResourceDefinition(object: current.value.objectValue ?? JSONObject())
            var conditions = crd.conditions
            let now = KubeTime.now()
            switch outcome {
            case .success:
                for (type, reason, message) in [
                    ("NamesAccepted", "NoConflicts", "no conflicts found"),
                    ("Established", "InitialNamesAccepted", "the initial names have been accepted"),
                ] {
                    var condition = Condition(type: type, status: "True", reason: reason, message: message)
                    condition.lastTransitionTime = now
                    conditions.set(condition)
                }
                crd.acceptedNames = crd.spec.names
                let storage = crd.spec.versions.first { $0.storage }?.name
                var stored = crd.storedVersions
                if let storage, !stored.contains(storage) { stored.append(storage) }
                crd.storedVersions = stored
            case .failure(let error):
                var condition = Condition(type: "NamesAccepted", status: "False", reason: "NameConflict", message: error.description)
                condition.lastTransitionTime = now
                conditions.set(condition)
                var established = Condition(type: "Established", status: "False", reason: "NotAccepted", message: "not all names are accepted")
                established.lastTransitionTime = now
                conditions.set(established)
            }
            crd.conditions = conditions
            return crd.json == current.value ? nil : crd.json
        }
    }

    /// Serves the resources of every CRD already stored (after a restart).
    func reloadCustomResourceDefinitions() {
        guard let definitions = try? self.store.list(group: "apiextensions.k8s.io", resource: "customresourcedefinitions")
        else { return }
        self.registryBox.withLock { registry in
            for item in definitions.items {
                let definition = CustomResourceDefinition(object: item.value.objectValue ?? JSONObject())
                guard definition.isEstablished else { continue }
                if let updated = try? registry.adding(crd: definition) { registry = updated }
            }
        }
    }

    /// The checks kube-apiserver makes of a CRD before storing it, as 422 field errors.
    func validateCustomResourceDefinition(_ object: JSONValue, target: ResourceRequest) throws(APIStatus) {
        guard target.resource.isCustomResourceDefinitions, target.subresource == nil
        else { return }
        let definition = CustomResourceDefinition(object: object.objectValue ?? JSONObject())
        var errors: [FieldError] = []
        let spec = definition.spec
        if spec.group.isEmpty { errors.append(FieldError(field: "spec.group", message: "Required value")) }
        if spec.names.plural.isEmpty { errors.append(FieldError(field: "spec.names.plural", message: "Required value")) }
        if spec.names.kind.isEmpty { errors.append(FieldError(field: "spec.names.kind", message: "Required value")) }
        if spec.scope != "Namespaced" && spec.scope != "Cluster" {
            errors.append(
                FieldError(
                    field: "spec.scope",
                    message: "Unsupported value: \"\(spec.scope)\": supported values: \"Cluster\", \"Namespaced\""
                )
            )
        }
        if spec.versions.isEmpty {
            errors.append(FieldError(field: "spec.versions", message: "Invalid value: null: must have exactly one version marked as storage version"))
        } else if spec.versions.filter(\.storage).count != 1 {
            errors.append(FieldError(field: "spec.versions", message: "Invalid value: must have exactly one version marked as storage version"))
        }
        let expectedName = "\(spec.names.plural).\(spec.group)"
        if !spec.group.isEmpty && !spec.names.plural.isEmpty && definition.name != expectedName {
            errors.append(
                FieldError(
                    field: "metadata.name",
                    message: "Invalid value: \"\(definition.name)\": must be spec.names.plural+\".\"+spec.group"
                )
            )
        }
        if !errors.isEmpty { throw APIStatus.invalid(target.resource, name: definition.name, errors: errors) }
    }

    /// Starts the clean-up an object's deletion calls for, in the background: the contents of a terminating
    /// namespace, the custom resources of a deleted CRD, and the dependents of a deleted owner.
    func scheduleCleanup(after stored: StoredObject, target: ResourceRequest) {
        let collector = GarbageCollector(server: self)
        let key = stored.key
        // A live object's clean-up may wait for other finalizers: run one loop per object at a time.
        let waits = self.store.get(key) != nil
        if waits {
            guard self.cleanupsInFlight.withLock({ $0.insert(key).inserted }) else { return }
        }
        Task {
            await collector.clean(after: stored, target: target)
            if waits { _ = self.cleanupsInFlight.withLock { $0.remove(key) } }
        }
    }

    /// After a restart: restarts the clean-up of objects being deleted and establishes CRDs whose status was
    /// never written.
    func resumeInterruptedWork() async {
        for resource in self.registry.resources {
            guard let items = try? self.store.list(group: resource.group, resource: resource.plural).items else { continue }
            for item in items {
                let target = ResourceRequest(
                    resource: resource,
                    version: resource.storageVersion,
                    namespace: resource.namespaced ? item.key.namespace : nil,
                    name: item.key.name
                )
                let metadata = ObjectMeta(object: item.value["metadata"]?.objectValue ?? JSONObject())
                if metadata.isBeingDeleted {
                    self.scheduleCleanup(after: item, target: target)
                } else if resource.isCustomResourceDefinitions,
                    !CustomResourceDefinition(object: item.value.objectValue ?? JSONObject()).isEstablished
                {
                    await self.afterWrite(item, target: target)
                }
            }
        }
    }
}
