/// Why no CRI endpoint could be chosen.
public enum CRIEndpointError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An endpoint that cannot be parsed.
    case invalid(String, reason: String)
    /// The socket named by `--socket-file` or `--runtime-endpoint` does not exist.
    case missing(path: String)
    /// Detection found none of the known sockets; `tried` lists the paths looked at, in order.
    case notDetected(tried: [String])

    /// What `kruise daemon` prints before exiting.
    public var description: String {
        switch self {
        case .invalid(let text, let reason):
            "invalid CRI endpoint \"\(text)\": \(reason)"
        case .missing(let path):
            "CRI socket \(path) does not exist"
        case .notDetected(let tried):
            "no container runtime socket found (tried \(tried.joined(separator: ", "))): set --socket-file or --runtime-endpoint"
        }
    }
}
