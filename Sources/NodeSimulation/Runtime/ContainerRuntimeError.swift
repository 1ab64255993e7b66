/// A CRI call failure, as a gRPC status: the kubelet shows `description` in `ErrImagePull` messages.
public struct ContainerRuntimeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The gRPC status code name.
    public enum Code: String, Sendable, Hashable {
        case notFound = "NotFound"
        case unknown = "Unknown"
        case unavailable = "Unavailable"
        case invalidArgument = "InvalidArgument"
    }

    public var code: Code
    /// The runtime's message (`desc`).
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `rpc error: code = NotFound desc = …`, as the kubelet prints a CRI error.
    public var description: String { "rpc error: code = \(self.code.rawValue) desc = \(self.message)" }
}
