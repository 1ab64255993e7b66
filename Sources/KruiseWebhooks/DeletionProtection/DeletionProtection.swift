public import ControllerRuntime
public import KubeJSON
public import KubeModel

/// The deletion-protection webhooks: a pure verdict on a DELETE from the object being deleted (the request's
/// `oldObject`) and, for `Cascading`, read-only lookups of its children.
///
/// - `Always` denies the delete.
/// - `Cascading` denies it while the object has active children: a Namespace's active pods (not finished, not
///   terminating) or Bound PVCs (not terminating), a CRD's custom resources (not terminating; only with
///   `DeletionProtectionForCRDCascadingGate`, otherwise the delete is denied saying the gate is off), a
///   workload's `spec.replicas > 0`. Service and Ingress ignore `Cascading`.
/// - Any other value, no label, objects already terminating, other operations, subresources and requests
///   without an old object are allowed. With `ResourcesDeletionProtection` off everything is allowed.
///
/// Denials carry HTTP 403 and upstream's message, without a reason (controller-runtime's `Errored`).
public struct DeletionProtection: Sendable {
    /// Reads the `Cascading` checks need.
    public let lookups: DeletionProtectionLookups
    /// `ResourcesDeletionProtection`.
    public let isEnabled: Bool
    /// `DeletionProtectionForCRDCascadingGate` (forced off with `ResourcesDeletionProtection`, as upstream).
    public let isCRDCascadingEnabled: Bool

    public init(lookups: DeletionProtectionLookups, gates: FeatureGates) {
        self.lookups = lookups
        self.isEnabled = gates.isEnabled(KruiseFeatures.resourcesDeletionProtection)
        self.isCRDCascadingEnabled = self.isEnabled && gates.isEnabled(KruiseFeatures.deletionProtectionForCRDCascadingGate)
    }

    /// The handler for every deletion-protection webhook path (they share one handler, which looks at the
    /// request's kind).
    public var handler: AdmissionHandler {
        let protection = self
        return { request in protection.review(request) }
    }

    /// Path → handler for every webhook of ``KruiseWebhookRegistrations/deletionProtection``, for an
    /// `AdmissionDispatcher`. The Kruise workload paths (`/validate-apps-kruise-io-...`) are shared with those
    /// kinds' create/update validation: when that lands, its handler calls ``review(_:)`` for DELETEs.
    public var handlers: [String: AdmissionHandler] {
        let handler = self.handler
        var handlers: [String: AdmissionHandler] = [:]
        for webhook in KruiseWebhookRegistrations.deletionProtection.webhooks {
            handlers[webhook.path] = handler
        }
        return handlers
    }

    /// The verdict on one admission request.
    public func review(_ request: AdmissionRequest) -> AdmissionResponse {
        guard request.operation == "DELETE", request.subResource.isEmpty else { return .allow() }
        guard let kind = DeletionProtectedKind(group: request.kind.group, version: request.kind.version, kind: request.kind.kind) else {
            return .allow()
        }
        // Kubernetes before 1.16 sent no old object on DELETE: nothing to judge.
        guard let oldObject = request.oldObject else { return .allow() }
        guard case .object(let object) = oldObject else {
            return AdmissionResponse(allowed: false, code: 400, message: "the old object is not a JSON object but \(oldObject.typeName)")
        }
        guard let message = self.denial(kind: kind, object: UnstructuredObject(object: object)) else { return .allow() }
        return AdmissionResponse(allowed: false, code: 403, message: message)
    }

    /// Why deleting `object` (of `kind`) is forbidden, or `nil` when it is allowed.
    public func denial(kind: DeletionProtectedKind, object: UnstructuredObject) -> String? {
        guard self.isEnabled, object.metadata.deletionTimestamp == nil else { return nil }
        guard let value = object.metadata.labels[DeletionProtectionPolicy.labelKey],
            let policy = DeletionProtectionPolicy(rawValue: value)
        else { return nil }
        switch policy {
        case .always:
            return DeletionProtectionMessages.always()
        case .cascading:
            guard kind.honoursCascading else { return nil }
            if kind.isWorkload { return Self.workloadDenial(object) }
            switch kind {
            case .namespace: return self.namespaceDenial(name: object.name)
            case .customResourceDefinition: return self.customResourceDefinitionDenial(CustomResourceDefinition(object: object.object))
            default: return nil
            }
        }
    }

    // MARK: Cascading

    /// `spec.replicas > 0` (a missing `replicas` protects nothing, as upstream's nil pointer).
    private static func workloadDenial(_ object: UnstructuredObject) -> String? {
        guard let replicas = object.object["spec"]?["replicas"]?.int64Value, replicas > 0 else { return nil }
        return DeletionProtectionMessages.replicas(replicas)
    }

    private func namespaceDenial(name: String) -> String? {
        let pods: [Pod]
        do {
            pods = try self.lookups.pods(name)
        } catch {
            return DeletionProtectionMessages.listPodsFailed(error)
        }
        let active = pods.count(where: Self.isActive)
        if active > 0 { return DeletionProtectionMessages.activePods(active) }
        let claims: [PersistentVolumeClaim]
        do {
            claims = try self.lookups.persistentVolumeClaims(name)
        } catch {
            return DeletionProtectionMessages.listClaimsFailed(error)
        }
        let bound = claims.count { $0.metadata.deletionTimestamp == nil && $0.phase == "Bound" }
        if bound > 0 { return DeletionProtectionMessages.boundClaims(bound) }
        return nil
    }

    private func customResourceDefinitionDenial(_ definition: CustomResourceDefinition) -> String? {
        guard self.isCRDCascadingEnabled else {
            return DeletionProtectionMessages.crdCascadingGateDisabled(KruiseFeatures.deletionProtectionForCRDCascadingGate)
        }
        let spec = definition.spec
        // The storage version (v1beta1 CRDs may name a single `spec.version` instead).
        let version = spec.versions.first(where: \.storage)?.name ?? definition.object["spec"]?["version"]?.stringValue ?? ""
        let resource = GroupVersionResource(group: spec.group, version: version, resource: spec.names.plural)
        let resources: [ObjectMeta]
        do {
            resources = try self.lookups.customResources(resource)
        } catch {
            let listKind = spec.names.listKind ?? spec.names.kind + "List"
            return DeletionProtectionMessages.listCustomResourcesFailed(group: spec.group, version: version, listKind: listKind, error)
        }
        let active = resources.count { $0.deletionTimestamp == nil }
        if active > 0 { return DeletionProtectionMessages.activeCustomResources(active) }
        return nil
    }

    /// Kubernetes' `IsPodActive`: not Succeeded, not Failed, not being deleted.
    private static func isActive(_ pod: Pod) -> Bool {
        pod.status.phase != "Succeeded" && pod.status.phase != "Failed" && pod.metadata.deletionTimestamp == nil
    }
}
