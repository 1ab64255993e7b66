import KubeJSON
public import KubeModel

/// Decides which webhooks of which configurations apply to a request, as kube-apiserver's webhook
/// dispatcher does: rules, `namespaceSelector`, `objectSelector` and `matchPolicy`.
///
/// `matchPolicy: Equivalent` (the default) also matches the request when its resource, seen at another
/// version it is served at, matches a rule; the webhook then receives the object at that version. The
/// built-in resources are served at a single version here, so for them Equivalent is the same as `Exact`;
/// for a custom resource with several versions (conversion `None`), the other versions are equivalent.
/// Resources renamed across groups (`extensions` to `apps`) are not modelled.
public struct AdmissionWebhookMatcher: Sendable {
    /// The labels of the request's namespace; `nil` when the namespace does not exist (or the request is
    /// cluster-scoped), which a non-empty `namespaceSelector` does not match.
    public var namespaceLabels: [String: String]?

    public init(namespaceLabels: [String: String]?) {
        self.namespaceLabels = namespaceLabels
    }

    /// The webhooks that apply, configurations sorted by name and webhooks in their written order.
    public func matchingWebhooks(
        in configurations: [AdmissionWebhookConfiguration],
        for attributes: AdmissionAttributes
    ) -> [MatchedAdmissionWebhook] {
        if attributes.isExemptFromWebhooks { return [] }
        let sorted = configurations.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        var matched: [MatchedAdmissionWebhook] = []
        for configuration in sorted {
            for entry in configuration.entries {
                guard let version = self.matchedVersion(of: entry, for: attributes) else { continue }
                matched.append(MatchedAdmissionWebhook(configurationName: configuration.name, webhook: entry.webhook, version: version))
            }
        }
        return matched
    }

    /// The version at which `webhook` applies to the request, or `nil` when it does not.
    public func matchedVersion(of webhook: Webhook, for attributes: AdmissionAttributes) -> String? {
        self.matchedVersion(of: AdmissionWebhookConfiguration.Entry(webhook), for: attributes)
    }

    /// The version at which the webhook of `entry` applies to the request, or `nil` when it does not.
    public func matchedVersion(of entry: AdmissionWebhookConfiguration.Entry, for attributes: AdmissionAttributes) -> String? {
        // Rules first: they rule out most webhooks for most requests, and cost far less than the selectors
        // (which parse their requirements and read the objects' labels).
        let rules = entry.rules
        let webhook = entry.webhook
        var version: String?
        if rules.contains(where: { $0.matches(attributes, version: attributes.resource.version) }) {
            version = attributes.resource.version
        } else if !entry.exactMatchPolicy {
            version = attributes.equivalentVersions.first { candidate in
                candidate != attributes.resource.version && rules.contains { $0.matches(attributes, version: candidate) }
            }
        }
        guard let version, self.matchesNamespaceSelector(webhook.namespaceSelector, attributes),
            self.matchesObjectSelector(webhook.objectSelector, attributes)
        else { return nil }
        return version
    }

    /// An absent or empty selector matches everything. Cluster-scoped objects other than Namespaces always
    /// match; a Namespace is matched by its own labels (the old object's on DELETE).
    func matchesNamespaceSelector(_ selector: LabelSelector?, _ attributes: AdmissionAttributes) -> Bool {
        guard let selector, !selector.isEmpty else { return true }
        if attributes.isNamespaceObject {
            let object = attributes.operation == .delete ? attributes.oldObject : (attributes.object ?? attributes.oldObject)
            return selector.matches(Self.labels(of: object) ?? [:])
        }
        if attributes.namespace.isEmpty { return true }
        guard let labels = self.namespaceLabels else { return false }
        return selector.matches(labels)
    }

    /// An absent or empty selector matches everything; otherwise the new or the old object must match.
    func matchesObjectSelector(_ selector: LabelSelector?, _ attributes: AdmissionAttributes) -> Bool {
        guard let selector, !selector.isEmpty else { return true }
        for object in [attributes.object, attributes.oldObject] {
            if let labels = Self.labels(of: object), selector.matches(labels) { return true }
        }
        return false
    }

    /// `metadata.labels` of an object; `nil` when there is no object.
    static func labels(of object: JSONValue?) -> [String: String]? {
        guard let object, object.objectValue != nil else { return nil }
        var labels: [String: String] = [:]
        if let members = object["metadata"]?["labels"]?.objectValue {
            for member in members {
                if let text = member.value.stringValue { labels[member.key] = text }
            }
        }
        return labels
    }
}
