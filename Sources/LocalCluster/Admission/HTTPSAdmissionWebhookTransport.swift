import NIOCore
import NIOHTTP1
public import NIOPosix
import NIOSSL

/// Calls webhooks over HTTPS with SwiftNIO: one connection per review, HTTP/1.1 `POST` with a JSON body,
/// the server certificate verified against the webhook's `caBundle` (the system roots when it has none) and
/// the endpoint's server name, the whole exchange bounded by `timeoutSeconds`.
public struct HTTPSAdmissionWebhookTransport: AdmissionWebhookTransport {
    /// The event loops connections run on.
    public let eventLoopGroup: MultiThreadedEventLoopGroup

    /// A transport on `eventLoopGroup` (by default the process-wide shared group).
    public init(eventLoopGroup: MultiThreadedEventLoopGroup = .singleton) {
        self.eventLoopGroup = eventLoopGroup
    }

    public func post(
        _ body: [UInt8],
        to endpoint: AdmissionWebhookEndpoint
    ) async throws(AdmissionWebhookError) -> (status: Int, body: [UInt8]) {
        let prefix = "failed to call webhook: Post \(GoQuote.quote(endpoint.url))"
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: try Self.tlsConfiguration(endpoint))
        } catch {
            throw AdmissionWebhookError("\(prefix): invalid caBundle: \(error)")
        }
        let eventLoop = self.eventLoopGroup.next()
        let promise = eventLoop.makePromise(of: HTTPResponseCollector.Response.self)
        let timeout = eventLoop.scheduleTask(in: .seconds(Int64(endpoint.timeoutSeconds))) {
            promise.fail(TransportFailure.timedOut)
        }
        // An IP literal cannot go into SNI; without a name NIOSSL checks the certificate's IP addresses
        // against the peer's address instead.
        let serverName = Self.isIPAddress(endpoint.serverName) ? nil : endpoint.serverName
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(.seconds(Int64(endpoint.timeoutSeconds)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let tls = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                    try channel.pipeline.syncOperations.addHandler(tls)
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(HTTPResponseCollector(promise: promise))
                }
            }
        bootstrap.connect(host: endpoint.host, port: endpoint.port).whenComplete { result in
            switch result {
            case .failure(let error):
                promise.fail(error)
            case .success(let channel):
                promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
                var headers = HTTPHeaders()
                headers.add(name: "Host", value: Self.hostHeader(endpoint))
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Accept", value: "application/json, */*")
                headers.add(name: "Content-Length", value: String(body.count))
                let head = HTTPRequestHead(version: .http1_1, method: .POST, uri: endpoint.target, headers: headers)
                channel.write(HTTPClientRequestPart.head(head), promise: nil)
                channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
                channel.writeAndFlush(HTTPClientRequestPart.end(nil)).whenFailure { promise.fail($0) }
            }
        }
        do {
            let response = try await promise.futureResult.get()
            timeout.cancel()
            return (response.status, response.body)
        } catch {
            timeout.cancel()
            throw AdmissionWebhookError("\(prefix): \(Self.describe(error))")
        }
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

    /// `true` for an IPv4 (dotted digits) or IPv6 (contains `:`) literal.
    static func isIPAddress(_ host: String) -> Bool {
        if host.contains(":") { return true }
        return !host.isEmpty && host.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber }
    }

    private static func hostHeader(_ endpoint: AdmissionWebhookEndpoint) -> String {
        let host = endpoint.serverName.contains(":") ? "[\(endpoint.serverName)]" : endpoint.serverName
        return endpoint.port == 443 ? host : "\(host):\(endpoint.port)"
    }

    /// Go's wording where there is a common one (`context deadline exceeded`, `connection refused`).
    private static func describe(_ error: any Error) -> String {
        if let failure = error as? TransportFailure { return failure.description }
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

/// Failures the transport itself decides on.
enum TransportFailure: Error, CustomStringConvertible {
    /// `timeoutSeconds` passed before the answer was complete.
    case timedOut
    /// The server closed the connection before the response was complete.
    case closedEarly

    var description: String {
        switch self {
        case .timedOut: return "context deadline exceeded"
        case .closedEarly: return "EOF"
        }
    }
}
