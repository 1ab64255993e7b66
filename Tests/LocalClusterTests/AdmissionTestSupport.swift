import KubeJSON
import KubeModel
import LocalCluster
import Synchronization

/// A webhook transport answering in-process: `answer` sees the endpoint and the review and returns the
/// status and review response (or throws to simulate a failed call). Every call is recorded.
final class FakeAdmissionTransport: AdmissionWebhookTransport {
    typealias Answer = @Sendable (AdmissionWebhookEndpoint, JSONValue) throws(AdmissionWebhookError) -> (Int, JSONValue)

    private let answer: Answer
    private let log = Mutex<[(url: String, review: JSONValue)]>([])

    init(_ answer: @escaping Answer) {
        self.answer = answer
    }

    /// The calls so far: URL and review sent.
    var calls: [(url: String, review: JSONValue)] { self.log.withLock { $0 } }

    func post(_ body: [UInt8], to endpoint: AdmissionWebhookEndpoint) async throws(AdmissionWebhookError) -> (status: Int, body: [UInt8]) {
        let review = (try? JSONValue(parsing: body)) ?? .null
        self.log.withLock { $0.append((endpoint.url, review)) }
        let (status, response) = try self.answer(endpoint, review)
        return (status, response.serialized())
    }

    /// An allowing response to `review`, with an optional JSON patch.
    static func allow(_ review: JSONValue, patch: JSONValue? = nil) -> JSONValue {
        var response: JSONValue = ["uid": review["request"]?["uid"] ?? "", "allowed": true]
        if let patch {
            response["patchType"] = "JSONPatch"
            response["patch"] = .string(Base64.encode(patch.serialized()))
        }
        return ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "response": response]
    }

    /// A denying response with a message and optional code.
    static func deny(_ review: JSONValue, message: String, code: Int64? = nil) -> JSONValue {
        var status: JSONValue = ["message": .string(message)]
        if let code { status["code"] = .int(code) }
        return [
            "apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
            "response": ["uid": review["request"]?["uid"] ?? "", "allowed": false, "status": status],
        ]
    }
}

enum AdmissionFixtures {
    /// A webhook JSON object called by URL `https://hooks.test/<name>`.
    static func webhook(
        _ name: String,
        rules: [JSONValue] = [rule()],
        extra: JSONValue = [:]
    ) -> Webhook {
        var object: JSONObject = [
            "name": .string(name),
            "clientConfig": ["url": .string("https://hooks.test/\(name)")],
            "rules": .array(rules),
            "sideEffects": "None",
            "admissionReviewVersions": ["v1"],
        ]
        for member in extra.objectValue ?? JSONObject() { object[member.key] = member.value }
        return Webhook(object: object)
    }

    static func rule(
        operations: [JSONValue] = ["*"],
        groups: [JSONValue] = ["*"],
        versions: [JSONValue] = ["*"],
        resources: [JSONValue] = ["*"],
        scope: String = "*"
    ) -> JSONValue {
        ["operations": .array(operations), "apiGroups": .array(groups), "apiVersions": .array(versions),
         "resources": .array(resources), "scope": .string(scope)]
    }

    static func attributes(
        _ operation: AdmissionOperation = .create,
        group: String = "",
        version: String = "v1",
        resource: String = "pods",
        subresource: String = "",
        kind: String = "Pod",
        namespace: String = "default",
        name: String = "p",
        labels: [String: String] = [:],
        oldLabels: [String: String]? = nil,
        dryRun: Bool = false,
        equivalentVersions: [String] = []
    ) -> AdmissionAttributes {
        let apiVersion = group.isEmpty ? version : "\(group)/\(version)"
        func object(_ labels: [String: String]) -> JSONValue {
            var metadata: JSONValue = ["name": .string(name), "labels": .object(JSONObject(labels.map { ($0.key, JSONValue.string($0.value)) }))]
            if !namespace.isEmpty { metadata["namespace"] = .string(namespace) }
            return ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": metadata]
        }
        return AdmissionAttributes(
            operation: operation,
            resource: GroupVersionResource(group: group, version: version, resource: resource),
            subresource: subresource,
            kind: GroupVersionKind(group: group, version: version, kind: kind),
            name: name,
            namespace: namespace,
            object: operation == .delete ? nil : object(labels),
            oldObject: oldLabels.map(object),
            isDryRun: dryRun,
            equivalentVersions: equivalentVersions
        )
    }
}
