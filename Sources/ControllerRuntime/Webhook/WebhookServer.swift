import HummingbirdTLS
import Hummingbird
public import KubeTLS
public import Logging
import NIOCore
import NIOSSL
import Synchronization

/// The admission webhook server: HTTPS (Hummingbird 2 over swift-nio-ssl) dispatching AdmissionReviews
/// to pure handlers by path. The serving certificate can be replaced while the server runs
/// (``rotate(to:)``): every new TLS handshake picks the current one, so rotation never drops the listener.
public final class WebhookServer: Sendable {
    public let dispatcher: AdmissionDispatcher
    public let host: String
    public let port: Int
    private let logger: Logger
    private let identity: Mutex<TLSIdentity>
    /// The current identity parsed for handshakes, with the identity it was parsed from: parsed again only
    /// after a rotation, not on every connection.
    private let parsedIdentity: Mutex<(identity: TLSIdentity, override: NIOSSLContextConfigurationOverride)?> = Mutex(nil)
    private let boundPort: Mutex<Int?> = Mutex(nil)

    public init(dispatcher: AdmissionDispatcher, identity: TLSIdentity, host: String = "0.0.0.0", port: Int = 9876, logger: Logger) {
        self.dispatcher = dispatcher
        self.identity = Mutex(identity)
        self.host = host
        self.port = port
        self.logger = logger
    }

    /// The port the server listens on, once bound.
    public var listeningPort: Int? { self.boundPort.withLock { $0 } }

    /// The identity new connections are served with.
    public var currentIdentity: TLSIdentity { self.identity.withLock { $0 } }

    /// Serves the next TLS handshakes with `identity`.
    public func rotate(to identity: TLSIdentity) {
        self.identity.withLock { $0 = identity }
        self.logger.info("webhook serving certificate rotated")
    }

    /// The certificate and key of the current identity, as a handshake override.
    private func handshakeOverride() throws -> NIOSSLContextConfigurationOverride {
        let current = self.currentIdentity
        if let parsed = self.parsedIdentity.withLock({ $0 }), parsed.identity == current { return parsed.override }
        var override = NIOSSLContextConfigurationOverride()
        override.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(current.certificatePEM.utf8)).map { .certificate($0) }
        override.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(current.privateKeyPEM.utf8), format: .pem))
        self.parsedIdentity.withLock { $0 = (current, override) }
        return override
    }

    /// Serves until the task is cancelled.
    public func run() async throws {
        let initial = self.currentIdentity
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(initial.certificatePEM.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(initial.privateKeyPEM.utf8), format: .pem))
        )
        // Each handshake takes the current identity, parsed once per rotation.
        tls.sslContextCallback = { [self] _, promise in
            do {
                promise.succeed(try self.handshakeOverride())
            } catch {
                promise.fail(error)
            }
        }
        let dispatcher = self.dispatcher
        let router = Router()
        router.get("/healthz") { _, _ in "ok" }
        for path in dispatcher.paths {
            router.post(RouterPath(path)) { request, context -> Response in
                let body = try await request.body.collect(upTo: 16 << 20)
                let answer = await dispatcher.respond(path: path, body: Array(buffer: body))
                var headers = HTTPFields()
                headers[.contentType] = "application/json"
                return Response(
                    status: HTTPResponse.Status(code: answer.status),
                    headers: headers,
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
                )
            }
        }
        let application = Application(
            router: router,
            server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: ApplicationConfiguration(address: .hostname(self.host, port: self.port)),
            onServerRunning: { channel in
                self.boundPort.withLock { $0 = channel.localAddress?.port }
            },
            logger: self.logger
        )
        try await application.runService(gracefulShutdownSignals: [])
    }
}
