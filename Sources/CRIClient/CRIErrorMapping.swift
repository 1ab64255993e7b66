public import ContainerRuntime
public import GRPCCore

/// How a failed CRI call becomes a ``ContainerRuntimeError``: the gRPC status code and the runtime's message, so the
/// NodeImage status says `rpc error: code = NotFound desc = failed to pull and unpack image …` as the kubelet would.
///
/// Every gRPC code maps to the ``ContainerRuntimeError/Code`` of the same name (Go's spelling: `Canceled`,
/// `DeadlineExceeded`, …); a code gRPC adds later is reported as Unknown with its number kept in the message.
public enum CRIErrorMapping {
    /// The runtime error for anything a CRI call threw: a gRPC status (``GRPCCore/RPCError``) keeps its code and
    /// message; a cancelled task is `Canceled`; anything else is Unknown with its description.
    public static func runtimeError(_ error: any Error) -> ContainerRuntimeError {
        if let runtimeError = error as? ContainerRuntimeError { return runtimeError }
        if let rpcError = error as? RPCError { return Self.runtimeError(rpcError) }
        if error is CancellationError { return ContainerRuntimeError(code: .canceled, message: "context canceled") }
        return ContainerRuntimeError(code: .unknown, message: "\(error)")
    }

    /// The runtime error for a gRPC status.
    public static func runtimeError(_ error: RPCError) -> ContainerRuntimeError {
        let name = Self.goName(error.code)
        if let code = ContainerRuntimeError.Code(rawValue: name) {
            return ContainerRuntimeError(code: code, message: error.message)
        }
        return ContainerRuntimeError(code: .unknown, message: error.message.isEmpty ? name : "\(name): \(error.message)")
    }

    /// The name grpc-go (and so the kubelet's messages) gives a status code: `NotFound`, `DeadlineExceeded`,
    /// `Canceled`, …
    public static func goName(_ code: RPCError.Code) -> String {
        switch code {
        case .cancelled: "Canceled"
        case .unknown: "Unknown"
        case .invalidArgument: "InvalidArgument"
        case .deadlineExceeded: "DeadlineExceeded"
        case .notFound: "NotFound"
        case .alreadyExists: "AlreadyExists"
        case .permissionDenied: "PermissionDenied"
        case .resourceExhausted: "ResourceExhausted"
        case .failedPrecondition: "FailedPrecondition"
        case .aborted: "Aborted"
        case .outOfRange: "OutOfRange"
        case .unimplemented: "Unimplemented"
        case .internalError: "Internal"
        case .unavailable: "Unavailable"
        case .dataLoss: "DataLoss"
        case .unauthenticated: "Unauthenticated"
        default: "Code(\(code.rawValue))"
        }
    }
}
