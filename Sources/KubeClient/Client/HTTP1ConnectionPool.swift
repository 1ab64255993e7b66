public import NIOCore
import Synchronization

/// Client connections shared between requests, per endpoint: a request takes an idle connection or opens a
/// new one, at most ``connectionLimit`` open to an endpoint at once; past the limit it waits for one to come
/// back (or for its deadline). A connection is given back when its exchange ends: kept for the next request
/// when the server keeps it alive, closed otherwise.
///
/// Without the limit a burst of requests opened a connection (and a TLS handshake on both sides) per request,
/// and closed all but a few idle ones after it.
public final class HTTP1ConnectionPool<Endpoint: Hashable & Sendable>: Sendable {
    /// What a request gets from the pool: an open connection, or the right to open one.
    public enum Grant: Sendable {
        case reuse(any Channel)
        case connect
    }

    /// The pool ran out of time waiting for a connection.
    public struct WaitTimedOut: Error, CustomStringConvertible {
        public var description: String { "context deadline exceeded (waiting for a connection)" }
    }

    /// One endpoint's connections: the idle ones, how many are open or being opened, and the requests waiting.
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
    public let connectionLimit: Int
    private let state = Mutex(State())

    /// A pool opening at most `connectionLimit` (at least 1) connections to one endpoint.
    public init(connectionLimit: Int) {
        self.connectionLimit = max(1, connectionLimit)
    }

    /// An idle connection to `endpoint`, or the right to open one; waits while the endpoint has
    /// ``connectionLimit`` connections busy, until `deadline` (then ``WaitTimedOut``, scheduled on `timer`).
    /// Every grant is given back with ``release(_:to:reusable:)``.
    public func acquire(_ endpoint: Endpoint, deadline: NIODeadline, timer: any EventLoop) async throws -> Grant {
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
                        // Closed by the server while idle: its slot is free.
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
                    timer.scheduleTask(deadline: deadline) { self.abandon(id, endpoint, WaitTimedOut()) }
                }
            }
        } onCancel: {
            self.abandon(id, endpoint, CancellationError())
        }
    }

    /// Gives back what ``acquire(_:deadline:timer:)`` granted: `channel` when the exchange ended with the
    /// connection still usable and `reusable` (kept alive by the server), otherwise it is closed and its slot
    /// freed. The next waiting request gets the connection, or the freed slot.
    public func release(_ channel: (any Channel)?, to endpoint: Endpoint, reusable: Bool) {
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

    /// Sends one request to `endpoint` through `exchange` on an idle connection, or on a new one from `connect`
    /// (within the limit, waiting until `deadline` as ``acquire(_:deadline:timer:)`` does), and gives the
    /// connection back when the response is complete: kept for the next request when the server keeps it alive.
    /// A reused connection that fails before any answer (``HTTP1ResponseError/closedBeforeResponse``: the
    /// server closed it while it was idle) is closed and the request sent once more on a new connection in its
    /// slot, as Go's transport retries such requests. Any other failure, or one on a new connection, is final.
    public func send(
        to endpoint: Endpoint,
        deadline: NIODeadline,
        timer: any EventLoop,
        connect: () async throws -> any Channel,
        exchange: (any Channel) async throws -> HTTP1ResponseHandler.Response
    ) async throws -> HTTP1ResponseHandler.Response {
        if case .reuse(let channel) = try await self.acquire(endpoint, deadline: deadline, timer: timer) {
            do {
                let response = try await exchange(channel)
                self.release(channel, to: endpoint, reusable: response.keepAlive)
                return response
            } catch {
                channel.close(promise: nil)
                guard (error as? HTTP1ResponseError) == .closedBeforeResponse else {
                    self.release(nil, to: endpoint, reusable: false)
                    throw error
                }
            }
        }
        let channel: any Channel
        do {
            channel = try await connect()
        } catch {
            self.release(nil, to: endpoint, reusable: false)
            throw error
        }
        do {
            let response = try await exchange(channel)
            self.release(channel, to: endpoint, reusable: response.keepAlive)
            return response
        } catch {
            self.release(channel, to: endpoint, reusable: false)
            throw error
        }
    }

    /// Closes every idle connection (at shutdown).
    public func closeIdle() {
        let idle = self.state.withLock { state -> [any Channel] in
            var channels: [any Channel] = []
            for (endpoint, connections) in state.endpoints {
                channels += connections.idle
                state.endpoints[endpoint]?.open -= connections.idle.count
                state.endpoints[endpoint]?.idle = []
            }
            return channels
        }
        for channel in idle { channel.close(promise: nil) }
    }

    /// Ends the wait of request `id` with `error` when it is still waiting.
    private func abandon(_ id: UInt64, _ endpoint: Endpoint, _ error: any Error) {
        let continuation = self.state.withLock { state -> CheckedContinuation<Grant, any Error>? in
            guard let index = state.endpoints[endpoint]?.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.endpoints[endpoint]?.waiters.remove(at: index).continuation
        }
        continuation?.resume(throwing: error)
    }
}
