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
        let mutating = self.webhookConfigurations("mutatingwebhookconfigurations")
        let validating = self.webhookConfigurations("validatingwebhookconfigurations")
        if mutating.isEmpty && validating.isEmpty { return object }
        let attributes = self.admissionAttributes(operation, object: object, oldObject: oldObject, target: target, dryRun: dryRun)
        let controller = AdmissionController(transport: self.admissionTransport)
        let outcome = try await controller.admit(
            attributes,
            mutating: mutating,
            validating: validating,
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

    /// The webhook configurations of one kind as stored now, parsed once per set of stored versions.
    private func webhookConfigurations(_ resource: String) -> [AdmissionWebhookConfiguration] {
        guard let items = try? self.store.list(group: "admissionregistration.k8s.io", resource: resource).items else {
            return []
        }
        let versions = items.map { WebhookConfigurationCache.Version(name: $0.key.name, resourceVersion: $0.resourceVersion) }
        if let cached = self.webhookConfigurationCache.withLock({ $0[resource] }), cached.versions == versions {
            return cached.configurations
        }
        let configurations = items.map { item in
            let webhooks = item.value["webhooks"]?.arrayValue?.compactMap { $0.objectValue.map(Webhook.init(object:)) }
            return AdmissionWebhookConfiguration(name: item.key.name, webhooks: webhooks ?? [])
        }
        self.webhookConfigurationCache.withLock { $0[resource] = WebhookConfigurationCache(versions: versions, configurations: configurations) }
        return configurations
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
        let body = try RequestBody.decode(request)
        let options = WriteQueryOptions(query: request.query)
        _ = try await self.admit(.create, object: body, oldObject: nil, target: target, dryRun: options.isDryRun)
    }
}

/// The parsed webhook configurations of one kind and the stored versions they were parsed from.
struct WebhookConfigurationCache: Sendable {
    struct Version: Sendable, Equatable {
        var name: String
        var resourceVersion: UInt64
    }

    var versions: [Version]
    var configurations: [AdmissionWebhookConfiguration]
}
