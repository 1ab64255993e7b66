import KubeClient
import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing

/// The response handler on an embedded channel: what each request's delivery gets, and which failures say the
/// server may not have seen the request (the transports send those once more on a new connection).
@Suite struct HTTP1ResponseHandlerTests {
    static func channel() throws -> (EmbeddedChannel, HTTP1ResponseHandler) {
        let handler = HTTP1ResponseHandler()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(handler)
        return (channel, handler)
    }

    static func respond(_ channel: EmbeddedChannel, status: HTTPResponseStatus = .ok, body: String, keepAlive: Bool = true) throws {
        var head = HTTPResponseHead(version: .http1_1, status: status)
        if !keepAlive { head.headers.add(name: "Connection", value: "close") }
        try channel.writeInbound(HTTPClientResponsePart.head(head))
        try channel.writeInbound(HTTPClientResponsePart.body(ByteBuffer(string: body)))
        try channel.writeInbound(HTTPClientResponsePart.end(nil))
    }

    @Test func wholeResponsesInTurn() throws {
        let (channel, handler) = try Self.channel()
        for text in ["first", "second"] {
            let promise = channel.eventLoop.makePromise(of: HTTP1ResponseHandler.Response.self)
            handler.start(.whole(promise, limit: 100))
            try Self.respond(channel, body: text)
            let response = try promise.futureResult.wait()
            #expect(String(buffer: response.body) == text)
            #expect(response.keepAlive)
        }
        // A response over the limit fails and ends the connection.
        let promise = channel.eventLoop.makePromise(of: HTTP1ResponseHandler.Response.self)
        handler.start(.whole(promise, limit: 3))
        try Self.respond(channel, body: "too long")
        #expect(throws: HTTP1ResponseError.tooLarge(3)) { try promise.futureResult.wait() }
        #expect(!handler.isUsable)
    }

    /// A reset before the head on a connection that served a response is the server dropping an idle
    /// connection; the same error on a fresh connection is passed on as it is.
    @Test func failuresBeforeTheHead() throws {
        let (reused, reusedHandler) = try Self.channel()
        let first = reused.eventLoop.makePromise(of: HTTP1ResponseHandler.Response.self)
        reusedHandler.start(.whole(first, limit: 100))
        try Self.respond(reused, body: "ok")
        _ = try first.futureResult.wait()
        let second = reused.eventLoop.makePromise(of: HTTP1ResponseHandler.Response.self)
        reusedHandler.start(.whole(second, limit: 100))
        reused.pipeline.fireErrorCaught(IOError(errnoCode: 104, reason: "read"))
        #expect(throws: HTTP1ResponseError.closedBeforeResponse) { try second.futureResult.wait() }

        let (fresh, freshHandler) = try Self.channel()
        let only = fresh.eventLoop.makePromise(of: HTTP1ResponseHandler.Response.self)
        freshHandler.start(.whole(only, limit: 100))
        fresh.pipeline.fireErrorCaught(IOError(errnoCode: 104, reason: "read"))
        #expect(throws: IOError.self) { try only.futureResult.wait() }

        // A close in the middle of a body is not retried.
        let (midway, midwayHandler) = try Self.channel()
        let cut = midway.eventLoop.makePromise(of: HTTP1ResponseHandler.Response.self)
        midwayHandler.start(.whole(cut, limit: 100))
        try midway.writeInbound(HTTPClientResponsePart.head(HTTPResponseHead(version: .http1_1, status: .ok)))
        _ = try? midway.close().wait()
        #expect(throws: HTTP1ResponseError.closedEarly) { try cut.futureResult.wait() }
    }

    @Test func streamedResponse() async throws {
        let (channel, handler) = try Self.channel()
        let head = channel.eventLoop.makePromise(of: HTTPResponseHead.self)
        let end = channel.eventLoop.makePromise(of: Bool.self)
        let (chunks, continuation) = AsyncThrowingStream.makeStream(of: ByteBuffer.self)
        handler.start(.streamed(head: head, chunks: continuation, end: end))
        try channel.writeInbound(HTTPClientResponsePart.head(HTTPResponseHead(version: .http1_1, status: .created)))
        #expect(try head.futureResult.wait().status == .created)
        for text in ["a\n", "b\n"] { try channel.writeInbound(HTTPClientResponsePart.body(ByteBuffer(string: text))) }
        try channel.writeInbound(HTTPClientResponsePart.end(nil))
        #expect(try end.futureResult.wait() == true)
        var received = ""
        for try await chunk in chunks { received += String(buffer: chunk) }
        #expect(received == "a\nb\n")
    }
}
