import AsyncHTTPClient
public import KubeModel
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// A client for one Kubernetes API server: TLS and credentials from a ``ClientConfiguration``,
/// client-side rate limiting, retries of 429 and 5xx answers honouring `Retry-After`, and typed errors.
///
/// One instance is shared by everything in a process; call ``shutdown()`` before it is released.
public final class KubeClient: Sendable {
    public let configuration: ClientConfiguration
    private let http: HTTPClient
    private let tokens: BearerTokenProvider
    private let limiter: ClientRateLimiter
    private let observer: (any ClientRequestObserver)?
    private let customResources: Mutex<[GroupVersionKind: ResourceDescriptor]>

    /// Responses larger than this are refused (a LIST of 10,000 pods is about 35 MB).
    public static let maximumResponseBytes = 512 << 20

    /// - Throws: ``KubeconfigError`` when the TLS material cannot be loaded.
    public init(configuration: ClientConfiguration, observer: (any ClientRequestObserver)? = nil) throws(KubeconfigError) {
        self.configuration = configuration
        self.tokens = BearerTokenProvider(source: configuration.credentials)
        self.limiter = ClientRateLimiter(qps: configuration.qps, burst: configuration.burst)
        self.observer = observer
        self.customResources = Mutex([:])

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
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
    }

    /// Closes every connection. Open watches end.
    public func shutdown() async {
        try? await self.http.shutdown()
    }

    // MARK: Resources

    /// Makes a custom resource known to the typed API (built-in kinds are known already).
    public func register(_ descriptor: ResourceDescriptor) {
        self.customResources.withLock { $0[descriptor.groupVersionKind] = descriptor }
    }

    /// How a kind is served.
    /// - Throws: ``KubeAPIError`` when the kind is neither built in nor registered.
    public func descriptor(for gvk: GroupVersionKind) throws(KubeAPIError) -> ResourceDescriptor {
        if let descriptor = BuiltinKinds.descriptor(for: gvk) { return descriptor }
        if let descriptor = self.customResources.withLock({ $0[gvk] }) { return descriptor }
        throw KubeAPIError(code: 0, reason: "UnknownKind", message: "no resource registered for \(gvk)")
    }

    // MARK: Transport

    /// Sends a request, retrying 429 and 5xx answers that carry `Retry-After` (after that long) and 503/504
    /// (with backoff), and reads after transport failures. Returns 2xx responses; every other answer throws.
    public func send(_ request: KubeRequest) async throws(KubeAPIError) -> KubeResponse {
        var attempt = 0
        while true {
            let response: KubeResponse
            do {
                response = try await self.sendOnce(request)
            } catch let error {
                if error.isTransport, request.isIdempotentRead, attempt < self.configuration.maximumRetries,
                    !Task.isCancelled
                {
                    attempt += 1
                    try await Self.sleep(Self.backoff(attempt: attempt))
                    continue
                }
                throw error
            }
            if (200..<300).contains(response.code) { return response }
            let retryAfter = response.header("Retry-After").flatMap { Int($0) }
            let error = KubeAPIError.response(code: response.code, body: response.body, retryAfterSeconds: retryAfter)
            if response.code == 401 { self.tokens.invalidate() }
            // As client-go: a 429 or 5xx that says when to come back is retried then; 503 and 504 (an
            // overloaded or timed-out server) also without it, with backoff. A 429 without Retry-After (an
            // eviction refused by a disruption budget) is an answer, not a reason to retry.
            let retryable = ((response.code == 429 || response.code >= 500) && retryAfter != nil)
                || response.code == 503 || response.code == 504
            if retryable, attempt < self.configuration.maximumRetries, !Task.isCancelled {
                attempt += 1
                let wait = retryAfter.map { Duration.seconds(min($0, 30)) } ?? Self.backoff(attempt: attempt)
                try await Self.sleep(wait)
                continue
            }
            throw error
        }
    }

    /// Exponential backoff for retries without `Retry-After`: 100 ms doubling to 5 s.
    static func backoff(attempt: Int) -> Duration {
        .milliseconds(min(5000, 100 << min(attempt - 1, 6)))
    }

    private static func sleep(_ duration: Duration) async throws(KubeAPIError) {
        do {
            try await Task.sleep(for: duration)
        } catch {
            throw KubeAPIError.transport(error)
        }
    }

    private func sendOnce(_ request: KubeRequest) async throws(KubeAPIError) -> KubeResponse {
        let started = ContinuousClock.now
        let httpRequest = try self.makeRequest(request)
        do {
            try await self.limiter.acquire()
            let timeout = self.configuration.requestTimeout
            let response = try await self.http.execute(
                httpRequest,
                timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
            )
            let body = try await response.body.collect(upTo: Self.maximumResponseBytes)
            let code = Int(response.status.code)
            self.observer?.requestFinished(verb: request.verb, code: code, duration: ContinuousClock.now - started)
            return KubeResponse(
                code: code,
                headers: response.headers.map { ($0.name, $0.value) },
                body: Array(buffer: body)
            )
        } catch {
            self.observer?.requestFinished(verb: request.verb, code: 0, duration: ContinuousClock.now - started)
            throw KubeAPIError.transport(error)
        }
    }

    /// Opens a streaming request (a watch) and returns the response once its head arrived.
    func openStream(_ request: KubeRequest) async throws(KubeAPIError) -> HTTPClientResponse {
        let started = ContinuousClock.now
        let httpRequest = try self.makeRequest(request)
        let response: HTTPClientResponse
        do {
            try await self.limiter.acquire()
            response = try await self.http.execute(httpRequest, deadline: .distantFuture)
        } catch {
            self.observer?.requestFinished(verb: request.verb, code: 0, duration: ContinuousClock.now - started)
            throw KubeAPIError.transport(error)
        }
        let code = Int(response.status.code)
        self.observer?.requestFinished(verb: request.verb, code: code, duration: ContinuousClock.now - started)
        if !(200..<300).contains(code) {
            let body = (try? await response.body.collect(upTo: 1 << 20)).map { Array(buffer: $0) } ?? []
            if code == 401 { self.tokens.invalidate() }
            throw KubeAPIError.response(code: code, body: body)
        }
        return response
    }

    private func makeRequest(_ request: KubeRequest) throws(KubeAPIError) -> HTTPClientRequest {
        var url = self.configuration.server + request.path
        if !request.query.isEmpty { url += "?" + PercentEncoding.query(request.query) }
        var httpRequest = HTTPClientRequest(url: url)
        httpRequest.method = HTTPMethod(rawValue: request.method)
        httpRequest.headers.add(name: "Accept", value: request.accept)
        httpRequest.headers.add(name: "User-Agent", value: self.configuration.userAgent)
        let token: String?
        do {
            token = try self.tokens.token()
        } catch {
            throw KubeAPIError(code: 0, reason: "Unauthorized", message: error.message)
        }
        if let token { httpRequest.headers.add(name: "Authorization", value: "Bearer " + token) }
        if let body = request.body {
            httpRequest.headers.add(name: "Content-Type", value: request.contentType ?? "application/json")
            httpRequest.body = .bytes(ByteBuffer(bytes: body))
        }
        return httpRequest
    }
}
