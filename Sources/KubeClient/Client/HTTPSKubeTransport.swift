import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// The network transport: HTTPS (or HTTP) to the configuration's server through AsyncHTTPClient, with the
/// configuration's trust roots and client certificate, and connections kept alive per host.
public final class HTTPSKubeTransport: KubeTransport {
    private let http: HTTPClient
    private let server: String

    /// - Throws: ``KubeconfigError`` when the TLS material cannot be loaded.
    public init(configuration: ClientConfiguration) throws(KubeconfigError) {
        self.server = configuration.server
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            if let ca = configuration.certificateAuthorityPEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
            }
            if configuration.insecureSkipTLSVerify { tls.certificateVerification = .none }
            if let certificate = configuration.clientCertificatePEM, let key = configuration.clientKeyPEM {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(certificate).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            }
        } catch {
            throw KubeconfigError("cannot load TLS material: \(error)")
        }
        // Reads have no socket timeout: watches stay open for minutes; other requests get a deadline.
        var httpConfiguration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: nil),
            connectionPool: .init(idleTimeout: .seconds(90), concurrentHTTP1ConnectionsPerHostSoftLimit: configuration.connectionsPerHost)
        )
        httpConfiguration.httpVersion = .automatic
        // No distributed tracing: with the default (no-op) tracer AsyncHTTPClient still builds every request's
        // span attributes, a tenth of a benchmark client's request CPU.
        httpConfiguration.tracing.tracer = nil
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
    }

    public func shutdown() async {
        try? await self.http.shutdown()
    }

    public func send(_ request: KubeTransportRequest, timeout: Duration) async throws -> KubeResponse {
        let response = try await self.http.execute(
            self.httpRequest(request),
            timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        )
        let body = try await response.body.collect(upTo: KubeClient.maximumResponseBytes)
        return KubeResponse(
            code: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Array(buffer: body)
        )
    }

    public func openStream(_ request: KubeTransportRequest) async throws -> KubeStreamResponse {
        let response = try await self.http.execute(self.httpRequest(request), deadline: .distantFuture)
        let body = response.body
        return KubeStreamResponse(code: Int(response.status.code)) { consume in
            for try await chunk in body {
                try chunk.withUnsafeReadableBytes { try consume($0) }
            }
        }
    }

    private func httpRequest(_ request: KubeTransportRequest) -> HTTPClientRequest {
        var url = self.server + request.path
        if !request.query.isEmpty { url += "?" + PercentEncoding.query(request.query) }
        var httpRequest = HTTPClientRequest(url: url)
        httpRequest.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { httpRequest.headers.add(name: header.name, value: header.value) }
        if let body = request.body { httpRequest.body = .bytes(ByteBuffer(bytes: body)) }
        return httpRequest
    }
}
