/// Where a CRI runtime listens: a Unix domain socket, written `unix:///run/containerd/containerd.sock` (the
/// kubelet's `--container-runtime-endpoint` form) or as a plain path.
public struct CRIEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The socket's path.
    public var socketPath: String

    /// The endpoint of the socket at `socketPath`.
    public init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// Parses `unix:///path` (also `unix://path`, kept relative) or a plain path.
    /// - Throws: ``CRIEndpointError/invalid(_:reason:)`` for an empty path or another scheme (`tcp://`,
    ///   `npipe://`: the daemon reaches its node's runtime through the socket only).
    public init(parsing text: String) throws(CRIEndpointError) {
        let trimmed = text.trimmingSpaces
        var path = trimmed
        if let schemeEnd = trimmed.firstRange(of: "://") {
            let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "unix" else {
                throw .invalid(text, reason: "unsupported scheme \"\(scheme)\": only unix:// sockets are supported")
            }
            path = String(trimmed[schemeEnd.upperBound...])
        }
        guard !path.isEmpty else { throw .invalid(text, reason: "empty socket path") }
        self.socketPath = path
    }

    /// `unix://` and the path.
    public var description: String { "unix://\(self.socketPath)" }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
