import NIOCore
import NIOSSL
import Synchronization

/// Idle webhook connections kept for the next review to the same endpoint, and the TLS context of each
/// `caBundle`. kube-apiserver keeps its webhook connections alive; a new connection per review cost a full
/// TLS handshake on both sides, and the trust roots parsed into a new TLS context, for every pod created.
final class AdmissionConnectionPool: Sendable {
    /// Where a connection goes and whom it trusts: connections are shared only between reviews that would
    /// have opened the same one.
    struct Endpoint: Hashable, Sendable {
        var host: String
        var port: Int
        var serverName: String
        var caBundle: [UInt8]?
    }

    /// Idle connections kept per endpoint; more are closed when their review ends.
    static let idlePerEndpoint = 32
    /// TLS contexts kept; past this many distinct `caBundle`s the cache starts over.
    static let contextLimit = 64

    private let idle: Mutex<[Endpoint: [any Channel]]> = Mutex([:])
    private let contexts: Mutex<[[UInt8]?: NIOSSLContext]> = Mutex([:])

    init() {}

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

    /// An idle, still open connection to `endpoint`, taken out of the pool.
    func take(_ endpoint: Endpoint) -> (any Channel)? {
        self.idle.withLock { idle in
            while let channel = idle[endpoint]?.popLast() {
                if channel.isActive { return channel }
            }
            return nil
        }
    }

    /// Keeps `channel` for the next review to `endpoint`, or closes it when the pool is full.
    func keep(_ channel: any Channel, for endpoint: Endpoint) {
        let kept = self.idle.withLock { idle in
            var channels = (idle[endpoint] ?? []).filter(\.isActive)
            guard channels.count < Self.idlePerEndpoint else { return false }
            channels.append(channel)
            idle[endpoint] = channels
            return true
        }
        if !kept { channel.close(promise: nil) }
    }
}
