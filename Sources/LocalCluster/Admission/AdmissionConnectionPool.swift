import KubeClient
import NIOSSL
import Synchronization

/// The webhook connections of each endpoint (an ``HTTP1ConnectionPool``: kube-apiserver keeps its webhook
/// connections alive, and a burst of pod creations opened one per review without a limit), and the TLS context
/// of each `caBundle` (the trust roots parsed once, not per review).
final class AdmissionConnectionPool: Sendable {
    /// Where a connection goes and whom it trusts: connections are shared only between reviews that would
    /// have opened the same one.
    struct Endpoint: Hashable, Sendable {
        var host: String
        var port: Int
        var serverName: String
        var caBundle: [UInt8]?
    }

    /// TLS contexts kept; past this many distinct `caBundle`s the cache starts over.
    static let contextLimit = 64

    /// The connections.
    let connections: HTTP1ConnectionPool<Endpoint>
    private let contexts: Mutex<[[UInt8]?: NIOSSLContext]> = Mutex([:])

    /// At most `connectionLimit` connections open to one endpoint.
    init(connectionLimit: Int) {
        self.connections = HTTP1ConnectionPool(connectionLimit: connectionLimit)
    }

    /// The TLS context trusting `caBundle`, made by `make` the first time.
    func context(for caBundle: [UInt8]?, make: () throws -> NIOSSLContext) throws -> NIOSSLContext {
        if let cached = self.contexts.withLock({ $0[caBundle] }) { return cached }
        let context = try make()
        self.contexts.withLock { contexts in
            if contexts.count >= Self.contextLimit { contexts.removeAll() }
            contexts[caBundle] = context
        }
        return context
    }
}
