/// A node configuration document that cannot be used.
public struct NodeConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is (`nodes[1].capacity.cpu`); empty for the document itself.
    public var path: String
    /// What is wrong.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { self.path.isEmpty ? self.message : "\(self.path): \(self.message)" }
}
