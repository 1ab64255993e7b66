import HTTPTypes
import Hummingbird
import HummingbirdTLS
public import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// The embedded API server on the network: HTTPS on a loopback address with the generated serving
/// certificate, a bearer token required on every request, and each request handed to ``APIServer``.
///
/// HTTP/1.1 only: kubectl offers `h2` first but uses HTTP/1.1 when the server does not take it, and watches
/// are plain chunked responses.
public struct APIHTTPServer: Sendable {
    public let apiServer: APIServer
    public let certificates: ServingCertificates
    public let token: BearerToken
    public let host: String
    public let port: Int
    public let logger: Logger

    public init(
        apiServer: APIServer,
        certificates: ServingCertificates,
        token: BearerToken,
        host: String = "127.0.0.1",
        port: Int = 0,
        logger: Logger = Logger(label: "kruise.apiserver")
    ) {
        self.apiServer = apiServer
        self.certificates = certificates
        self.token = token
        self.host = host
        self.port = port
        self.logger = logger
    }

    /// Serves until the task is cancelled or SIGTERM/SIGINT arrives; `onReady` receives the bound port once
    /// the listener accepts connections.
    public func run(onReady: @escaping @Sendable (Int) async -> Void) async throws {
        let application = try self.makeApplication(onReady: onReady)
        try await application.runService()
    }

    /// Serves until `stop` yields or finishes, then shuts down gracefully: the listener closes, watches end,
    /// requests in flight are answered and idle connections closed. (Cancelling ``run(onReady:)``'s task drops
    /// connections instead, and a connection accepted but not yet served then trips NIO's check that every
    /// async writer is finished: swift-server/swift-http-server#137.)
    public func run(onReady: @escaping @Sendable (Int) async -> Void, stop: AsyncStream<Void>) async throws {
        let application = try self.makeApplication(onReady: onReady)
        let group = ServiceGroup(services: [application], logger: self.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                for await _ in stop { break }
                await group.triggerGracefulShutdown()
            }
            try await tasks.next()
            tasks.cancelAll()
        }
    }

    /// The Hummingbird application.
    func makeApplication(
        onReady: @escaping @Sendable (Int) async -> Void
    ) throws -> some ApplicationProtocol {
        let tls = try TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(NIOSSLCertificate(bytes: Array(self.certificates.certificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(NIOSSLPrivateKey(bytes: Array(self.certificates.privateKeyPEM.utf8), format: .pem))
        )
        let apiServer = self.apiServer
        let token = self.token
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            try await Self.respond(to: request, apiServer: apiServer, token: token)
        }
        return Application(
            responder: responder,
            server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: ApplicationConfiguration(
                address: .hostname(self.host, port: self.port),
                serverName: nil,
                backlog: 1024
            ),
            onServerRunning: { channel in
                await onReady(channel.localAddress?.port ?? 0)
            },
            logger: self.logger
        )
    }

    static func respond(to request: Request, apiServer: APIServer, token: BearerToken) async throws -> Response {
        guard token.authorizes(authorizationHeader: request.headers[.authorization]) else {
            return Self.response(.status(.unauthorized()))
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: APIServer.maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            return Self.response(.status(.requestEntityTooLarge(limit: APIServer.maximumBodyBytes)))
        }
        var headers: [(name: String, value: String)] = []
        for field in request.headers { headers.append((field.name.canonicalName, field.value)) }
        let apiRequest = APIRequest(
            method: request.method.rawValue,
            path: request.uri.path,
            query: RequestQuery(parsing: request.uri.query ?? ""),
            headers: headers,
            body: Array(buffer: body)
        )
        return Self.response(await apiServer.handle(apiRequest))
    }

    static func response(_ response: APIResponse) -> Response {
        var fields = HTTPFields()
        for header in response.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        let status = HTTPResponse.Status(code: response.status)
        switch response.body {
        case .bytes(let bytes):
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .parts(let parts):
            // Written in chunks of about 64 KiB, so that a large LIST never holds a second copy of itself.
            let length = parts.reduce(0) { $0 + $1.count }
            return Response(
                status: status,
                headers: fields,
                body: ResponseBody(contentLength: length) { writer in
                    let chunkSize = 64 << 10
                    var chunk = ByteBuffer()
                    chunk.reserveCapacity(chunkSize)
                    for part in parts {
                        chunk.writeBytes(part)
                        if chunk.readableBytes >= chunkSize {
                            try await writer.write(chunk)
                            chunk = ByteBuffer()
                            chunk.reserveCapacity(chunkSize)
                        }
                    }
                    if chunk.readableBytes > 0 { try await writer.write(chunk) }
                    try await writer.finish(nil)
                }
            )
        case .stream(let chunks):
            fields[.cacheControl] = "no-cache, private"
            return Response(
                status: status,
                headers: fields,
                body: ResponseBody { writer in
                    // A watch never ends by itself: end it when the server shuts down, so that SIGTERM does
                    // not wait for clients to hang up.
                    for try await chunk in chunks.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(bytes: chunk))
                    }
                    try await writer.finish(nil)
                }
            )
        }
    }
}
