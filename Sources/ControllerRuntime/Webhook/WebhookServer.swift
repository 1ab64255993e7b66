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
    /// The current identity parsed, with the identity it was parsed from: parsed again only after a rotation,
    /// not for the listener and then on every connection.
    private let parsedIdentity: Mutex<(identity: TLSIdentity, parsed: ParsedIdentity)?> = Mutex(nil)
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

    /// The certificate chain and key of a ``TLSIdentity``, ready for NIOSSL.
    private struct ParsedIdentity: Sendable {
        var certificateChain: [NIOSSLCertificateSource]
        var privateKey: NIOSSLPrivateKeySource
    }

    /// The current identity, parsed.
    private func currentParsedIdentity() throws -> ParsedIdentity {
        let current = self.currentIdentity
        if let cached = self.parsedIdentity.withLock({ $0 }), cached.identity == current { return cached.parsed }
        let parsed = ParsedIdentity(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(current.certificatePEM.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(current.privateKeyPEM.utf8), format: .pem))
        )
        self.parsedIdentity.withLock { $0 = (current, parsed) }
        return parsed
    }

    /// The certificate and key of the current identity, as a handshake override.
    private func handshakeOverride() throws -> NIOSSLContextConfigurationOverride {
        let parsed = try self.currentParsedIdentity()
        var override = NIOSSLContextConfigurationOverride()
        override.certificateChain = parsed.certificateChain
        override.privateKey = parsed.privateKey
        return override
    }

    /// Serves until the task is cancelled.
    public func run() async throws {
        let initial = try self.currentParsedIdentity()
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: initial.certificateChain, privateKey: initial.privateKey)
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
