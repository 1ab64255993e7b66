import KubeJSON
import KubeModel
import Synchronization

extension APIServer {
    /// The one call the write paths make into admission: runs the webhooks configured in the store for a
    /// write of `target` and returns the object to store (mutated by the webhooks), or throws the rejection.
    ///
    /// `object` is the prepared, schema-validated new object (nil for DELETE), `oldObject` the stored one
    /// (UPDATE, DELETE). A mutated custom resource is validated against its schema again.
    func admit(
        _ operation: AdmissionOperation,
        object: JSONValue?,
        oldObject: JSONValue?,
        target: ResourceRequest,
        dryRun: Bool,
        validation: WriteQueryOptions.FieldValidation? = nil
    ) async throws(APIStatus) -> JSONValue? {
        let (mutating, validating) = self.webhookConfigurations()
        guard self.webhooksMayApply(operation, to: target, mutating: mutating, validating: validating) else { return object }
        let attributes = self.admissionAttributes(operation, object: object, oldObject: oldObject, target: target, dryRun: dryRun)
        let controller = AdmissionController(transport: self.admissionTransport)
        let outcome = try await controller.admit(
            attributes,
            mutating: mutating.configurations,
            validating: validating.configurations,
            matcher: AdmissionWebhookMatcher(namespaceLabels: self.namespaceLabels(attributes.namespace)),
            serviceAddress: { namespace, name in self.serviceAddress(namespace: namespace, name: name) },
            revalidate: { (mutated) throws(APIStatus) in
                try self.validateAgainstSchema(mutated, target: target, validation: validation)
            }
        )
        return outcome.object
    }

    /// The admission attributes of a write: kind and resource at the request's version, the subresource's
    /// own kind (`policy/v1 Eviction` for `pods/eviction`), and the options object kube sends.
    func admissionAttributes(
        _ operation: AdmissionOperation,
        object: JSONValue?,
        oldObject: JSONValue?,
        target: ResourceRequest,
        dryRun: Bool
    ) -> AdmissionAttributes {
        var kind = target.groupVersionKind
        if let subresource = target.subresource {
            if !subresource.responseVersion.isEmpty {
                kind = GroupVersionKind(
                    group: subresource.responseGroup,
                    version: subresource.responseVersion,
                    kind: subresource.responseKind
                )
            } else {
                kind.kind = subresource.responseKind
            }
        }
        let subject = object ?? oldObject
        let name = target.name ?? subject?["metadata"]?["name"]?.stringValue ?? ""
        var namespace = ""
        if target.resource.namespaced {
            namespace = target.namespace ?? subject?["metadata"]?["namespace"]?.stringValue ?? ""
        } else if target.resource.isNamespaces {
            namespace = name  // kube's request info gives a Namespace request its own name as namespace
        }
        var options: JSONValue?
        if let optionsKind = operation.optionsKind {
            var value: JSONValue = ["apiVersion": "meta.k8s.io/v1", "kind": .string(optionsKind)]
            if dryRun { value["dryRun"] = ["All"] }
            options = value
        }
        return AdmissionAttributes(
            operation: operation,
            resource: target.groupVersionResource,
            subresource: target.subresource?.name ?? "",
            kind: kind,
            name: name,
            namespace: namespace,
            object: object,
            oldObject: oldObject,
            isDryRun: dryRun,
            options: options,
            equivalentVersions: target.resource.versions.map(\.name)
        )
    }

    /// The mutating and validating webhook configurations as stored now.
    private func webhookConfigurations() -> (mutating: WebhookConfigurationCache, validating: WebhookConfigurationCache) {
        (self.webhookConfigurations("mutatingwebhookconfigurations"), self.webhookConfigurations("validatingwebhookconfigurations"))
    }

    /// The webhook configurations of one kind as stored now, parsed once per change of that resource (the
    /// store says when it last changed: no list on every write).
    private func webhookConfigurations(_ resource: String) -> WebhookConfigurationCache {
        let group = "admissionregistration.k8s.io"
        // Read before the list: a change in between leaves the cache behind, and the next call lists again.
        let changedAt = self.store.lastChange(group: group, resource: resource)
        if let cached = self.webhookConfigurationCache.withLock({ $0[resource] }), cached.changedAt == changedAt {
            return cached
        }
        let items = (try? self.store.list(group: group, resource: resource).items) ?? []
        let configurations = items.map { item in
            let webhooks = item.value["webhooks"]?.arrayValue?.compactMap { $0.objectValue.map(Webhook.init(object:)) }
            return AdmissionWebhookConfiguration(name: item.key.name, webhooks: webhooks ?? [])
        }
        let fresh = WebhookConfigurationCache(changedAt: changedAt, configurations: configurations)
        self.webhookConfigurationCache.withLock { $0[resource] = fresh }
        return fresh
    }

    /// `false` when no rule of any configured webhook covers `operation` on the resource of `target` (at its
    /// version or an equivalent one), whatever the scope and the selectors: admission then has nothing to
    /// run, and a write skips building its review. Most writes (status updates above all) are such. Answers
    /// are kept per request shape until either kind of configuration changes.
    private func webhooksMayApply(
        _ operation: AdmissionOperation, to target: ResourceRequest, mutating: WebhookConfigurationCache,
        validating: WebhookConfigurationCache
    ) -> Bool {
        if mutating.configurations.isEmpty && validating.configurations.isEmpty { return false }
        let resource = target.groupVersionResource
        let shape = WebhookCoverage.Shape(
            operation: operation, group: resource.group, version: resource.version, resource: resource.resource,
            subresource: target.subresource?.name ?? "")
        let known = self.webhookCoverage.withLock { coverage -> Bool? in
            guard coverage.mutatingAt == mutating.changedAt, coverage.validatingAt == validating.changedAt else {
                coverage = WebhookCoverage(mutatingAt: mutating.changedAt, validatingAt: validating.changedAt)
                return nil
            }
            return coverage.answers[shape]
        }
        if let known { return known }
        let versions = [resource.version] + target.resource.versions.map(\.name)
        let covered = (mutating.configurations + validating.configurations).contains { configuration in
            configuration.entries.contains { entry in
                entry.rules.contains { rule in
                    versions.contains { version in
                        rule.covers(
                            operation, group: shape.group, version: version, resource: shape.resource,
                            subresource: shape.subresource)
                    }
                }
            }
        }
        self.webhookCoverage.withLock { coverage in
            if coverage.mutatingAt == mutating.changedAt && coverage.validatingAt == validating.changedAt {
                coverage.answers[shape] = covered
            }
        }
        return covered
    }

    /// The labels of namespace `name`; `nil` when there is no such namespace (or no namespace).
    private func namespaceLabels(_ name: String) -> [String: String]? {
        guard !name.isEmpty else { return nil }
        let stored = self.store.get(ObjectKey(group: "", resource: "namespaces", namespace: "", name: name))
        return stored.flatMap { AdmissionWebhookMatcher.labels(of: $0.value) }
    }

    /// Where a webhook Service is reached: its `spec.clusterIP` when that is a loopback address (so tests
    /// and local setups can pick one), otherwise `127.0.0.1`. The port is always the webhook's service port.
    func serviceAddress(namespace: String, name: String) -> String {
        let stored = self.store.get(ObjectKey(group: "", resource: "services", namespace: namespace, name: name))
        if let clusterIP = stored?.value["spec"]?["clusterIP"]?.stringValue,
            clusterIP.hasPrefix("127.") || clusterIP == "::1"
        {
            return clusterIP
        }
        return "127.0.0.1"
    }
}

extension APIServer {
    /// Admission of a CREATE on a subresource (`pods/eviction`, `pods/binding`): the webhooks see the posted
    /// object (an `Eviction`, a `Binding`) and may deny it; a patch to it is not used, as these subresources
    /// act on the parent rather than store what was posted.
    func admitSubresourceCreate(_ target: ResourceRequest, request: APIRequest) async throws(APIStatus) {
        let (mutating, validating) = self.webhookConfigurations()
        guard self.webhooksMayApply(.create, to: target, mutating: mutating, validating: validating) else { return }
        let body = try RequestBody.decode(request)
        let options = WriteQueryOptions(query: request.query)
        _ = try await self.admit(.create, object: body, oldObject: nil, target: target, dryRun: options.isDryRun)
    }
}

/// The parsed webhook configurations of one kind and the store's version of that resource they were parsed at.
struct WebhookConfigurationCache: Sendable {
    /// ``ObjectStore/lastChange(group:resource:)`` when they were read.
    var changedAt: UInt64
    var configurations: [AdmissionWebhookConfiguration]
}

/// Which request shapes some webhook rule covers, for one version of each kind of configuration.
struct WebhookCoverage: Sendable {
    /// What a rule looks at of a request, its scope aside.
    struct Shape: Hashable, Sendable {
        var operation: AdmissionOperation
        var group: String
        var version: String
        var resource: String
        var subresource: String
    }

    var mutatingAt: UInt64 = .max
    var validatingAt: UInt64 = .max
    var answers: [Shape: Bool] = [:]
}
