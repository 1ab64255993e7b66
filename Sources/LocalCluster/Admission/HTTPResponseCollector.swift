import NIOCore
import NIOHTTP1

/// The last handler of a webhook connection: gathers the response to the request in flight and completes its
/// promise. A connection carries one request at a time and, when the server keeps it alive, several in turn
/// (``start(_:)`` arms the handler for the next one). Errors and a close fail the request in flight and end
/// the connection's use. Completing an already completed promise is a no-op in NIO, so the first outcome
/// (response, error, close or the transport's timeout) wins.
final class HTTPResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    /// The status code and body of a complete response.
    struct Response: Sendable {
        var status: Int
        var body: [UInt8]
        /// The server keeps the connection open for another request.
        var keepAlive: Bool
    }

    private var promise: EventLoopPromise<Response>?
    private var status = 0
    private var keepAlive = false
    private var body: [UInt8] = []
    /// `false` once the connection failed or closed.
    private(set) var isUsable = true

    init() {}

    /// Takes the response to the request about to be written (on the channel's event loop).
    func start(_ promise: EventLoopPromise<Response>) {
        guard self.isUsable else {
            promise.fail(TransportFailure.closedEarly)
            return
        }
        self.promise = promise
        self.status = 0
        self.keepAlive = false
        self.body = []
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            self.status = Int(head.status.code)
            self.keepAlive = head.isKeepAlive
        case .body(var buffer):
            if let bytes = buffer.readBytes(length: buffer.readableBytes) { self.body.append(contentsOf: bytes) }
        case .end:
            let response = Response(status: self.status, body: self.body, keepAlive: self.keepAlive)
            self.body = []
            let promise = self.promise
            self.promise = nil
            if !response.keepAlive {
                self.isUsable = false
                context.close(promise: nil)
            }
            promise?.succeed(response)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.isUsable = false
        self.promise?.fail(error)
        self.promise = nil
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.isUsable = false
        self.promise?.fail(TransportFailure.closedEarly)
        self.promise = nil
        context.fireChannelInactive()
    }
}
