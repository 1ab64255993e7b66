/// An image reference that cannot be parsed (the kubelet reports such containers as `InvalidImageName`).
public struct ImageReferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reference as written.
    public var reference: String
    /// What is wrong with it.
    public var reason: String

    public init(reference: String, reason: String) {
        self.reference = reference
        self.reason = reason
    }

    public var description: String { "invalid reference format \"\(self.reference)\": \(self.reason)" }
}
