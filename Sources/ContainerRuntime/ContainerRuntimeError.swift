/// A CRI call failure, as a gRPC status: the kubelet shows `description` in `ErrImagePull` messages.
public struct ContainerRuntimeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The gRPC status code, named as grpc-go (and so the kubelet) prints it.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case canceled = "Canceled"
        case unknown = "Unknown"
        case invalidArgument = "InvalidArgument"
        case deadlineExceeded = "DeadlineExceeded"
        case notFound = "NotFound"
        case alreadyExists = "AlreadyExists"
        case permissionDenied = "PermissionDenied"
        case resourceExhausted = "ResourceExhausted"
        case failedPrecondition = "FailedPrecondition"
        case aborted = "Aborted"
        case outOfRange = "OutOfRange"
        case unimplemented = "Unimplemented"
        case `internal` = "Internal"
        case unavailable = "Unavailable"
        case dataLoss = "DataLoss"
        case unauthenticated = "Unauthenticated"
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
