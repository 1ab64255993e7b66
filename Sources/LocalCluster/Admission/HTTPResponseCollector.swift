import NIOCore
import NIOHTTP1

/// The last handler of a webhook connection: gathers one HTTP response and completes the promise with it;
/// errors and an early close fail it. Completing an already completed promise is a no-op in NIO, so the
/// first outcome (response, error, close or the transport's timeout) wins.
final class HTTPResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    /// The status code and body of a complete response.
    struct Response: Sendable {
        var status: Int
        var body: [UInt8]
    }

    private let promise: EventLoopPromise<Response>
    private var status = 0
    private var body: [UInt8] = []

    init(promise: EventLoopPromise<Response>) {
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            self.status = Int(head.status.code)
        case .body(var buffer):
            if let bytes = buffer.readBytes(length: buffer.readableBytes) { self.body.append(contentsOf: bytes) }
        case .end:
            self.promise.succeed(Response(status: self.status, body: self.body))
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.promise.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.promise.fail(TransportFailure.closedEarly)
        context.fireChannelInactive()
    }
}
