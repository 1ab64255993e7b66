import NIOCore
import NIOEmbedded
import NIOHTTP1
import Synchronization
import Testing

@testable import KubeClient

/// ``HTTP1ConnectionPool/send(to:deadline:timer:connect:exchange:)``'s policy, on embedded channels: which
/// connection a request goes out on, when it is sent again, and what the pool keeps afterwards.
@Suite struct HTTP1ConnectionPoolTests {
    private static func activeChannel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    private static func response(keepAlive: Bool) -> HTTP1ResponseHandler.Response {
        HTTP1ResponseHandler.Response(head: HTTPResponseHead(version: .http1_1, status: .ok), body: ByteBuffer(), keepAlive: keepAlive)
    }

    /// Sends through `pool` with `exchange`, counting the connections `connect` opens (each a new active
    /// embedded channel); returns the channels used, in order, and what happened.
    private static func send(
        _ pool: HTTP1ConnectionPool<Int>, connects: borrowing Mutex<Int>,
        _ exchange: @escaping (Int, any Channel) throws -> HTTP1ResponseHandler.Response
    ) async -> (used: [ObjectIdentifier], result: Result<HTTP1ResponseHandler.Response, any Error>) {
        let used = Mutex<[ObjectIdentifier]>([])
        let deadline = NIODeadline.now() + .seconds(5)
        let result: Result<HTTP1ResponseHandler.Response, any Error>
        do {
            result = .success(
                try await pool.send(to: 0, deadline: deadline, timer: EmbeddedEventLoop()) {
                    connects.withLock { $0 += 1 }
                    return try Self.activeChannel()
                } exchange: { channel in
                    let attempt = used.withLock { used in
                        used.append(ObjectIdentifier(channel))
                        return used.count
                    }
                    return try exchange(attempt, channel)
                })
        } catch {
            result = .failure(error)
        }
        return (used.withLock { $0 }, result)
    }

    @Test func aKeptAliveConnectionIsReused() async throws {
        let pool = HTTP1ConnectionPool<Int>(connectionLimit: 1)
        let connects = Mutex(0)
        let first = await Self.send(pool, connects: connects) { _, _ in Self.response(keepAlive: true) }
        let second = await Self.send(pool, connects: connects) { _, _ in Self.response(keepAlive: true) }
        #expect(connects.withLock { $0 } == 1)
        #expect(first.used == second.used)
    }

    /// The server closed the idle connection: the request goes once more, on a new connection in its slot.
    @Test func aReusedConnectionClosedBeforeTheAnswerIsReplacedOnce() async throws {
        let pool = HTTP1ConnectionPool<Int>(connectionLimit: 1)
        let connects = Mutex(0)
        let first = await Self.send(pool, connects: connects) { _, _ in Self.response(keepAlive: true) }
        let retried = await Self.send(pool, connects: connects) { attempt, _ in
            if attempt == 1 { throw HTTP1ResponseError.closedBeforeResponse }
            return Self.response(keepAlive: true)
        }
        #expect(throws: Never.self) { try retried.result.get() }
        #expect(retried.used.count == 2)
        #expect(retried.used.first == first.used.first)
        #expect(retried.used.last != first.used.first)
        #expect(connects.withLock { $0 } == 2)
        // The new connection took the slot (limit 1) and is kept for the next request.
        let next = await Self.send(pool, connects: connects) { _, _ in Self.response(keepAlive: false) }
        #expect(next.used == Array(retried.used.dropFirst()))
        #expect(connects.withLock { $0 } == 2)
    }

    /// A failure on a new connection, or any other failure on a reused one, is final; the slot is freed.
    @Test func otherFailuresAreNotRetried() async throws {
        let pool = HTTP1ConnectionPool<Int>(connectionLimit: 1)
        let connects = Mutex(0)
        let fresh = await Self.send(pool, connects: connects) { _, _ in throw HTTP1ResponseError.closedBeforeResponse }
        #expect(throws: HTTP1ResponseError.closedBeforeResponse) { try fresh.result.get() }
        #expect(fresh.used.count == 1)
        _ = await Self.send(pool, connects: connects) { _, _ in Self.response(keepAlive: true) }
        let reused = await Self.send(pool, connects: connects) { _, _ in throw HTTP1ResponseError.timedOut }
        #expect(throws: HTTP1ResponseError.timedOut) { try reused.result.get() }
        #expect(reused.used.count == 1)
        #expect(connects.withLock { $0 } == 2)
        // Both failures gave their slot back: with a limit of 1, the next request opens a connection at once.
        let next = await Self.send(pool, connects: connects) { _, _ in Self.response(keepAlive: true) }
        #expect(throws: Never.self) { try next.result.get() }
        #expect(connects.withLock { $0 } == 3)
    }
}
