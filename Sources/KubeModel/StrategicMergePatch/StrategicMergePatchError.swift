import KubeJSON

/// Why a strategic merge patch could not be applied, and where.
public struct StrategicMergePatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of problem, which decides the HTTP status kube-apiserver answers with.
    public enum Kind: Sendable, Hashable {
        /// The patch or a directive in it is malformed (not an object, a bad `$retainKeys`, `$setElementOrder` or
        /// `$deleteFromPrimitiveList` directive): kube-apiserver answers `400 Bad Request`.
        case malformedPatch
        /// The patch cannot be processed as asked (lists of lists): `422 Unprocessable Entity`.
        case unprocessable
        /// The patch does not fit the object (a missing merge key, mixed element types, an unknown `$patch`
        /// directive, an order that contradicts `$setElementOrder`): kube-apiserver passes these through as
        /// `500 Internal Server Error`.
        case mergeFailure
    }

    /// The class of problem.
    public var kind: Kind
    /// The path of the offending field, e.g. `spec.template.spec.containers[1]`; empty for the whole document.
    public var field: String
    /// What is wrong, e.g. `does not contain declared merge key "name"`.
    public var message: String

    public init(kind: Kind, field: String = "", message: String) {
        self.kind = kind
        self.field = field
        self.message = message
    }

    /// The same error, for the field `component` of the enclosing object: `under("spec")` turns `containers[0]`
    /// into `spec.containers[0]` and `[0]` into `spec[0]`.
    public func under(_ component: String) -> StrategicMergePatchError {
        var copy = self
        if copy.field.isEmpty {
            copy.field = component
        } else if copy.field.hasPrefix("[") {
            copy.field = component + copy.field
        } else {
            copy.field = component + "." + copy.field
        }
        return copy
    }

    public var description: String {
        self.field.isEmpty ? self.message : "\(self.field): \(self.message)"
    }
}

extension StrategicMergePatchError {
    static func missingMergeKey(_ mergeKey: String) -> StrategicMergePatchError {
        StrategicMergePatchError(kind: .mergeFailure, message: "does not contain declared merge key \"\(mergeKey)\"")
    }

    static func wrongType(expected: String, got value: JSONValue) -> StrategicMergePatchError {
        StrategicMergePatchError(kind: .mergeFailure, message: "expected \(expected), got \(value.typeName)")
    }

    static func unknownPatchDirective(_ value: JSONValue) -> StrategicMergePatchError {
        StrategicMergePatchError(kind: .mergeFailure, message: "unknown patch type: \(value)")
    }
}
