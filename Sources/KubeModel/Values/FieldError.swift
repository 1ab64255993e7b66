public import KubeJSON

/// A problem with one field of an object, named by its path (`spec.template.spec.containers[0].image`),
/// in the form kube-apiserver reports field errors.
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field's path; empty while the error has not yet been placed in a document.
    public var field: String
    /// What is wrong with it, e.g. `Invalid value: "x": must be ...`.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// The value has the wrong JSON type.
    public static func wrongType(expected: String, got value: JSONValue) -> FieldError {
        FieldError(field: "", message: "expected \(expected), got \(value.typeName)")
    }

    /// The same error, for the field `component` of the enclosing object: `under("spec")` turns
    /// `replicas` into `spec.replicas` and `[0]` into `spec[0]`.
    public func under(_ component: String) -> FieldError {
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
