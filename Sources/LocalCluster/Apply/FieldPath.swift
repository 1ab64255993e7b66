/// A path from the root of an object to one of its fields, list elements or values.
public struct FieldPath: Sendable, Hashable {
    /// The steps, outermost first.
    public var elements: [FieldPathElement]

    /// A path made of `elements`.
    public init(_ elements: [FieldPathElement]) {
        self.elements = elements
    }

    /// The path of object fields `names` (`FieldPath(fields: "spec", "replicas")`).
    public init(fields names: String...) {
        self.elements = names.map { .field($0) }
    }

    /// This path followed by `element`.
    public func appending(_ element: FieldPathElement) -> FieldPath {
        var copy = self
        copy.elements.append(element)
        return copy
    }
}

extension FieldPath: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: FieldPathElement...) {
        self.elements = elements
    }
}

extension FieldPath: CustomStringConvertible {
    /// The form kube-apiserver prints in conflicts: `.spec.template.spec.containers[name="nginx"].image`.
    public var description: String {
        self.elements.map(\.description).joined()
    }
}
