public import KubeJSON
import KubeModel

/// Builds `admission.k8s.io/v1` `AdmissionReview` requests.
public enum AdmissionReview {
    /// `admission.k8s.io/v1`, the only review version this server sends.
    public static let apiVersion = "admission.k8s.io/v1"

    /// The user every request of the embedded cluster is made as (its one bearer token is an admin's).
    public static var userInfo: JSONValue {
        ["username": "kruise-local-admin", "groups": ["system:masters", "system:authenticated"]]
    }

    /// The review sent to a webhook that matched at `version` (the request's own version unless
    /// `matchPolicy: Equivalent` chose another one; the objects are then shown at that version).
    public static func request(uid: String, attributes: AdmissionAttributes, version: String) -> JSONValue {
        let requestResource = attributes.resource
        var resource = requestResource
        resource.version = version
        let requestKind = attributes.kind
        var kind = requestKind
        if kind.group == requestResource.group && kind.version == requestResource.version { kind.version = version }
        let apiVersion = GroupVersion(group: kind.group, version: kind.version).apiVersion
        var request = JSONObject(minimumCapacity: 16)
        request.appendUnchecked(key: "uid", value: .string(uid))
        request.appendUnchecked(key: "kind", value: Self.json(kind))
        request.appendUnchecked(key: "resource", value: Self.json(resource))
        if !attributes.subresource.isEmpty {
            request.appendUnchecked(key: "subResource", value: .string(attributes.subresource))
        }
        request.appendUnchecked(key: "requestKind", value: Self.json(requestKind))
        request.appendUnchecked(key: "requestResource", value: Self.json(requestResource))
        if !attributes.subresource.isEmpty {
            request.appendUnchecked(key: "requestSubResource", value: .string(attributes.subresource))
        }
        if !attributes.name.isEmpty { request.appendUnchecked(key: "name", value: .string(attributes.name)) }
        if !attributes.namespace.isEmpty {
            request.appendUnchecked(key: "namespace", value: .string(attributes.namespace))
        }
        request.appendUnchecked(key: "operation", value: .string(attributes.operation.rawValue))
        request.appendUnchecked(key: "userInfo", value: Self.userInfo)
        request.appendUnchecked(key: "object", value: Self.shown(attributes.object, apiVersion: apiVersion, if: kind != requestKind))
        request.appendUnchecked(
            key: "oldObject",
            value: Self.shown(attributes.oldObject, apiVersion: apiVersion, if: kind != requestKind)
        )
        request.appendUnchecked(key: "dryRun", value: .bool(attributes.isDryRun))
        if let options = attributes.options { request.appendUnchecked(key: "options", value: options) }
        return [
            "apiVersion": .string(Self.apiVersion),
            "kind": "AdmissionReview",
            "request": .object(request),
        ]
    }

    private static func json(_ kind: GroupVersionKind) -> JSONValue {
        ["group": .string(kind.group), "version": .string(kind.version), "kind": .string(kind.kind)]
    }

    private static func json(_ resource: GroupVersionResource) -> JSONValue {
        ["group": .string(resource.group), "version": .string(resource.version), "resource": .string(resource.resource)]
    }

    /// The object with `apiVersion` rewritten when the webhook sees it at an equivalent version (conversion
    /// `None`: the fields are the same).
    static func shown(_ object: JSONValue?, apiVersion: String, if converted: Bool) -> JSONValue {
        guard var object else { return .null }
        if converted && object.objectValue != nil { object["apiVersion"] = .string(apiVersion) }
        return object
    }
}
