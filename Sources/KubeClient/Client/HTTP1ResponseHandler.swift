public import NIOCore
public import NIOHTTP1

/// The last handler of a client's HTTP/1.1 connection: delivers the response to the request in flight. A
/// connection carries one request at a time and, while the server keeps it alive, several in turn
/// (``start(_:)`` arms the handler for the next one, on the channel's event loop). An error or a close fails
/// the request in flight and ends the connection's use. Completing a completed promise is a no-op in NIO, so
/// the first outcome (response, error, close or the caller's timeout) wins.
public final class HTTP1ResponseHandler: ChannelInboundHandler {
    public typealias InboundIn = HTTPClientResponsePart

    /// A complete response.
    public struct Response: Sendable {
        public var head: HTTPResponseHead
        public var body: ByteBuffer
        /// The server keeps the connection open for another request.
        public var keepAlive: Bool
    }

    /// How the response to the next request is delivered.
    public enum Delivery: Sendable {
        /// Gathered whole, up to `limit` body bytes (more fails it with ``HTTP1ResponseError/tooLarge(_:)``).
        case whole(EventLoopPromise<Response>, limit: Int)
        /// The head through `head`, then each body chunk through `chunks`, which finishes with the response;
        /// `end` then succeeds with whether the server keeps the connection alive. A failure before the head
        /// fails `head`; any failure finishes `chunks` with it and fails `end`.
        case streamed(
            head: EventLoopPromise<HTTPResponseHead>,
            chunks: AsyncThrowingStream<ByteBuffer, any Error>.Continuation,
            end: EventLoopPromise<Bool>
        )
    }

    private var delivery: Delivery?
    private var head: HTTPResponseHead?
    /// Responses completed on this connection: a failure before the next head on a connection that has served
    /// one is the server dropping an idle connection (a reset as much as a close).
    private var completed = 0
    private var body = ByteBuffer()
    /// `false` once the connection failed or closed.
    public private(set) var isUsable = true

    public init() {}

    /// Arms `channel`'s handler with `delivery` and writes the request (`head`, then `body` when there is one),
    /// on the channel's event loop; a missing handler or a failed write fails the delivery.
    public static func send(_ head: HTTPRequestHead, body: [UInt8]?, on channel: any Channel, delivery: Delivery) {
        channel.eventLoop.execute {
            do {
                try channel.pipeline.syncOperations.handler(type: HTTP1ResponseHandler.self).start(delivery)
            } catch {
                Self.fail(delivery, error)
                return
            }
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            if let body, !body.isEmpty {
                channel.write(HTTPClientRequestPart.body(.byteBuffer(channel.allocator.buffer(bytes: body))), promise: nil)
            }
            channel.writeAndFlush(HTTPClientRequestPart.end(nil)).whenFailure { Self.fail(delivery, $0) }
        }
    }

    /// Sends the request on `channel` and waits for the whole response, up to `limit` body bytes, until
    /// `deadline` (then ``HTTP1ResponseError/timedOut``, and the connection is closed); a cancelled caller
    /// abandons the request at once, as it would a network call.
    public static func exchange(
        _ head: HTTPRequestHead, body: [UInt8]?, on channel: any Channel, limit: Int, deadline: NIODeadline
    ) async throws -> Response {
        let promise = channel.eventLoop.makePromise(of: Response.self)
        let timer = channel.eventLoop.scheduleTask(deadline: deadline) {
            promise.fail(HTTP1ResponseError.timedOut)
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        Self.send(head, body: body, on: channel, delivery: .whole(promise, limit: limit))
        return try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            promise.fail(CancellationError())
        }
    }

    /// Takes the response to the request about to be written.
    public func start(_ delivery: Delivery) {
        guard self.isUsable else {
            Self.fail(delivery, HTTP1ResponseError.closedBeforeResponse)
            return
        }
        self.delivery = delivery
        self.head = nil
        self.body.clear()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            if case .streamed(let headPromise, _, _)? = self.delivery { headPromise.succeed(head) }
        case .body(var buffer):
            switch self.delivery {
            case .whole(_, let limit)?:
                if self.body.readableBytes + buffer.readableBytes > limit {
                    self.failConnection(context: context, HTTP1ResponseError.tooLarge(limit))
                    return
                }
                self.body.writeBuffer(&buffer)
            case .streamed(_, let chunks, _)?:
                chunks.yield(buffer)
            case nil:
                break
            }
        case .end:
            let keepAlive = self.head?.isKeepAlive ?? false
            let delivery = self.delivery
            self.delivery = nil
            self.completed += 1
            if !keepAlive {
                self.isUsable = false
                context.close(promise: nil)
            }
            switch delivery {
            case .whole(let promise, _)?:
                guard let head = self.head else {
                    promise.fail(HTTP1ResponseError.closedBeforeResponse)
                    return
                }
                let body = self.body
                self.body = ByteBuffer()
                promise.succeed(Response(head: head, body: body, keepAlive: keepAlive))
            case .streamed(_, let chunks, let end)?:
                chunks.finish()
                end.succeed(keepAlive)
            case nil:
                break
            }
        }
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.failConnection(context: context, error)
    }

    public func channelInactive(context: ChannelHandlerContext) {
        self.isUsable = false
        if let delivery = self.delivery {
            self.delivery = nil
            Self.fail(delivery, self.head == nil ? HTTP1ResponseError.closedBeforeResponse : HTTP1ResponseError.closedEarly)
        }
        context.fireChannelInactive()
    }

    private func failConnection(context: ChannelHandlerContext, _ error: any Error) {
        self.isUsable = false
        if let delivery = self.delivery {
            self.delivery = nil
            let reusedBeforeHead = self.head == nil && self.completed > 0 && !(error is HTTP1ResponseError)
            Self.fail(delivery, reusedBeforeHead ? HTTP1ResponseError.closedBeforeResponse : error)
        }
        context.close(promise: nil)
    }

    private static func fail(_ delivery: Delivery, _ error: any Error) {
        switch delivery {
        case .whole(let promise, _):
            promise.fail(error)
        case .streamed(let head, let chunks, let end):
            head.fail(error)
            chunks.finish(throwing: error)
            end.fail(error)
        }
    }
}

/// Why a response did not arrive whole.
public enum HTTP1ResponseError: Error, Equatable, CustomStringConvertible {
    /// The connection closed (or failed) before the response head: the server may not have seen the request.
    case closedBeforeResponse
    /// The connection closed in the middle of the response.
    case closedEarly
    /// The body was larger than the limit given.
    case tooLarge(Int)
    /// The caller's deadline passed before the response was complete.
    case timedOut

    public var description: String {
        switch self {
        case .closedBeforeResponse: "EOF"
        case .closedEarly: "unexpected EOF"
        case .tooLarge(let limit): "response body larger than \(limit) bytes"
        case .timedOut: "context deadline exceeded"
        }
    }
}
