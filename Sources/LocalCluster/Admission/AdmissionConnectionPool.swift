import NIOCore
import NIOSSL
import Synchronization

/// The webhook connections of each endpoint, and the TLS context of each `caBundle`. kube-apiserver keeps its
/// webhook connections alive; a new connection per review cost a full TLS handshake on both sides, and the
/// trust roots parsed into a new TLS context, for every pod created.
///
/// At most ``connectionLimit`` connections are open to one endpoint: a review that finds none idle and the
/// limit reached waits for one to come back (or for its own deadline). Without the limit a burst of pod
/// creations opened a connection per review and closed all but the idle ones after it, a handshake each, much
/// as kube-apiserver's HTTP/2 client multiplexes reviews over a few connections instead.
final class AdmissionConnectionPool: Sendable {
    /// Where a connection goes and whom it trusts: connections are shared only between reviews that would
    /// have opened the same one.
    struct Endpoint: Hashable, Sendable {
        var host: String
        var port: Int
        var serverName: String
        var caBundle: [UInt8]?
    }

    /// What a review gets from the pool: an open connection, or the right to open one.
    enum Grant: Sendable {
        case reuse(any Channel)
        case connect
    }

    /// Connections open at once to one endpoint, by default.
    static let defaultConnectionLimit = 16  // HTTPSAdmissionWebhookTransport.init repeats it (a public default)
    /// TLS contexts kept; past this many distinct `caBundle`s the cache starts over.
    static let contextLimit = 64

    /// One endpoint's connections: the idle ones, how many are open or being opened, and the reviews waiting.
    private struct Connections {
        var idle: [any Channel] = []
        var open = 0
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Grant, any Error>)] = []
    }

    private struct State {
        var endpoints: [Endpoint: Connections] = [:]
        var nextWaiter: UInt64 = 0
    }

    /// Connections open at once to one endpoint.
    let connectionLimit: Int
    private let state = Mutex(State())
    private let contexts: Mutex<[[UInt8]?: NIOSSLContext]> = Mutex([:])

    init(connectionLimit: Int = AdmissionConnectionPool.defaultConnectionLimit) {
        self.connectionLimit = max(1, connectionLimit)
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

    /// An idle connection to `endpoint`, or the right to open one; waits while the endpoint has
    /// ``connectionLimit`` connections busy, until `deadline` (then ``TransportFailure/timedOut``). Every grant
    /// is given back with ``release(_:to:reusable:)``.
    func acquire(_ endpoint: Endpoint, deadline: NIODeadline, timer: any EventLoop) async throws -> Grant {
        let id = self.state.withLock { state in
            state.nextWaiter &+= 1
            return state.nextWaiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Grant, any Error>) in
                let limit = self.connectionLimit
                let granted: Grant? = self.state.withLock { state in
                    var connections = state.endpoints[endpoint, default: Connections()]
                    defer { state.endpoints[endpoint] = connections }
                    while let channel = connections.idle.popLast() {
                        if channel.isActive { return .reuse(channel) }
                        // Closed by the webhook while idle: its slot is free.
                        connections.open -= 1
                    }
                    if connections.open < limit {
                        connections.open += 1
                        return .connect
                    }
                    connections.waiters.append((id, continuation))
                    return nil
                }
                if let granted {
                    continuation.resume(returning: granted)
                } else {
                    timer.scheduleTask(deadline: deadline) { self.abandon(id, endpoint, TransportFailure.timedOut) }
                }
            }
        } onCancel: {
            self.abandon(id, endpoint, CancellationError())
        }
    }

    /// Gives back what ``acquire(_:deadline:timer:)`` granted: `channel` when the review ended with the
    /// connection still usable and `reusable` (kept alive by the webhook), otherwise it is closed and its slot
    /// freed. The next waiting review gets the connection, or the freed slot.
    func release(_ channel: (any Channel)?, to endpoint: Endpoint, reusable: Bool) {
        let keep = reusable && channel?.isActive == true
        let handoff: (CheckedContinuation<Grant, any Error>, Grant)? = self.state.withLock { state in
            var connections = state.endpoints[endpoint, default: Connections()]
            defer { state.endpoints[endpoint] = connections }
            if keep, let channel {
                guard connections.waiters.isEmpty else { return (connections.waiters.removeFirst().continuation, .reuse(channel)) }
                connections.idle.append(channel)
                return nil
            }
            // The slot passes to the first waiter, who opens a connection in it.
            guard connections.waiters.isEmpty else { return (connections.waiters.removeFirst().continuation, .connect) }
            connections.open -= 1
            return nil
        }
        if !keep { channel?.close(promise: nil) }
        if let (continuation, grant) = handoff { continuation.resume(returning: grant) }
    }

    /// Ends the wait of review `id` with `error` when it is still waiting.
    private func abandon(_ id: UInt64, _ endpoint: Endpoint, _ error: any Error) {
        let continuation = self.state.withLock { state -> CheckedContinuation<Grant, any Error>? in
            guard let index = state.endpoints[endpoint]?.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.endpoints[endpoint]?.waiters.remove(at: index).continuation
        }
        continuation?.resume(throwing: error)
    }
}
