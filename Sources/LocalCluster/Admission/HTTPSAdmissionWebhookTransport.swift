import KubeClient
import NIOCore
import NIOHTTP1
public import NIOPosix
import NIOSSL

/// Calls webhooks over HTTPS with SwiftNIO: HTTP/1.1 `POST` with a JSON body, the server certificate verified
/// against the webhook's `caBundle` (the system roots when it has none) and the endpoint's server name, the
/// whole exchange bounded by `timeoutSeconds`. Connections the webhook keeps alive are reused by later reviews
/// to the same endpoint, as kube-apiserver's clients do, and at most `connectionsPerEndpoint` are open to one
/// endpoint at once; a review whose reused connection turns out closed is sent once more on a new one.
public struct HTTPSAdmissionWebhookTransport: AdmissionWebhookTransport {
    /// The event loops connections run on.
    public let eventLoopGroup: MultiThreadedEventLoopGroup
    private let pool: AdmissionConnectionPool
    /// The largest webhook answer read (a review's patch is far smaller; this only bounds a runaway server).
    static let maximumResponseBytes = 32 << 20

    /// A transport on `eventLoopGroup` (by default the process-wide shared group) that opens at most
    /// `connectionsPerEndpoint` connections to one webhook endpoint at once.
    public init(
        eventLoopGroup: MultiThreadedEventLoopGroup = .singleton,
        connectionsPerEndpoint: Int = 16
    ) {
        self.eventLoopGroup = eventLoopGroup
        self.pool = AdmissionConnectionPool(connectionLimit: connectionsPerEndpoint)
    }

    public func post(
        _ body: [UInt8],
        to endpoint: AdmissionWebhookEndpoint
    ) async throws(AdmissionWebhookError) -> (status: Int, body: [UInt8]) {
        let prefix = "failed to call webhook: Post \(GoQuote.quote(endpoint.url))"
        let context: NIOSSLContext
        do {
            context = try self.pool.context(for: endpoint.caBundlePEM) {
                try NIOSSLContext(configuration: try Self.tlsConfiguration(endpoint))
            }
        } catch {
            throw AdmissionWebhookError("\(prefix): invalid caBundle: \(error)")
        }
        let key = AdmissionConnectionPool.Endpoint(
            host: endpoint.host, port: endpoint.port, serverName: endpoint.serverName, caBundle: endpoint.caBundlePEM)
        let head = Self.requestHead(body, to: endpoint)
        let deadline = NIODeadline.now() + .seconds(Int64(endpoint.timeoutSeconds))
        do {
            let response = try await self.pool.connections.send(
                to: key, deadline: deadline, timer: self.eventLoopGroup.next(),
                connect: { try await self.connect(endpoint, context: context, deadline: deadline) }
            ) { channel in
                try await HTTP1ResponseHandler.exchange(head, body: body, on: channel, limit: Self.maximumResponseBytes, deadline: deadline)
            }
            return (Int(response.head.status.code), Array(buffer: response.body))
        } catch {
            throw AdmissionWebhookError("\(prefix): \(Self.describe(error))")
        }
    }

    /// A new TLS connection to `endpoint`.
    private func connect(_ endpoint: AdmissionWebhookEndpoint, context: NIOSSLContext, deadline: NIODeadline) async throws -> any Channel {
        let serverName = ServerNameIndication.hostname(for: endpoint.serverName)
        let remaining = deadline - NIODeadline.now()
        let bootstrap = ClientBootstrap(group: self.eventLoopGroup)
            .connectTimeout(remaining > .zero ? remaining : .milliseconds(1))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let tls = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                    try channel.pipeline.syncOperations.addHandler(tls)
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(HTTP1ResponseHandler())
                }
            }
        return try await bootstrap.connect(host: endpoint.host, port: endpoint.port).get()
    }

    private static func requestHead(_ body: [UInt8], to endpoint: AdmissionWebhookEndpoint) -> HTTPRequestHead {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: Self.hostHeader(endpoint))
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Accept", value: "application/json, */*")
        headers.add(name: "Content-Length", value: String(body.count))
        return HTTPRequestHead(version: .http1_1, method: .POST, uri: endpoint.target, headers: headers)
    }

    /// TLS 1.2+ client configuration trusting exactly the `caBundle` certificates (system roots without one).
    private static func tlsConfiguration(_ endpoint: AdmissionWebhookEndpoint) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        if let pem = endpoint.caBundlePEM {
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(pem))
        }
        return configuration
    }

    private static func hostHeader(_ endpoint: AdmissionWebhookEndpoint) -> String {
        let host = endpoint.serverName.contains(":") ? "[\(endpoint.serverName)]" : endpoint.serverName
        return endpoint.port == 443 ? host : "\(host):\(endpoint.port)"
    }

    /// Go's wording where there is a common one (`context deadline exceeded`, `connection refused`).
    private static func describe(_ error: any Error) -> String {
        if let failure = error as? HTTP1ResponseError { return failure.description }
        if let connect = error as? NIOConnectionError {
            if let first = connect.connectionErrors.first { return Self.describe(first.error) }
            if connect.dnsAAAAError != nil || connect.dnsAError != nil { return "dial tcp: lookup \(connect.host): no such host" }
        }
        if let io = error as? IOError, io.errnoCode == 111 { return "connect: connection refused" }
        if error is ChannelError, case .connectTimeout = error as? ChannelError { return "context deadline exceeded" }
        if let tls = error as? NIOSSLError { return "tls: failed to verify certificate: \(tls)" }
        if let tls = error as? NIOSSLExtraError { return "tls: failed to verify certificate: \(tls)" }
        return "\(error)"
    }
}
