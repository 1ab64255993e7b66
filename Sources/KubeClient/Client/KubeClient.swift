public import KubeModel
import Logging
import Synchronization

/// A client for one Kubernetes API server: TLS and credentials from a ``ClientConfiguration``,
/// client-side rate limiting, retries of 429 and 5xx answers honouring `Retry-After`, and typed errors.
///
/// One instance is shared by everything in a process; call ``shutdown()`` before it is released.
public final class KubeClient: Sendable {
    public let configuration: ClientConfiguration
    private let transport: any KubeTransport
    private let tokens: BearerTokenProvider
    private let limiter: ClientRateLimiter
    private let observer: (any ClientRequestObserver)?
    private let customResources: Mutex<[GroupVersionKind: ResourceDescriptor]>

    /// Responses larger than this are refused (a LIST of 10,000 pods is about 35 MB).
    public static let maximumResponseBytes = 512 << 20

    /// A client over HTTPS (``HTTPSKubeTransport``).
    /// - Throws: ``KubeconfigError`` when the TLS material cannot be loaded.
    public convenience init(configuration: ClientConfiguration, observer: (any ClientRequestObserver)? = nil) throws(KubeconfigError) {
        self.init(configuration: configuration, observer: observer, transport: try HTTPSKubeTransport(configuration: configuration))
    }

    /// A client that reaches its server through `transport`; `configuration` still gives credentials, user
    /// agent, rate limits and retries.
    public init(configuration: ClientConfiguration, observer: (any ClientRequestObserver)? = nil, transport: any KubeTransport) {
        self.configuration = configuration
        self.tokens = BearerTokenProvider(source: configuration.credentials)
        self.limiter = ClientRateLimiter(qps: configuration.qps, burst: configuration.burst)
        self.observer = observer
        self.customResources = Mutex([:])
        self.transport = transport
    }

    /// Closes every connection. Open watches end.
    public func shutdown() async {
        await self.transport.shutdown()
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
        let transportRequest = try self.transportRequest(request)
        do {
            try await self.limiter.acquire()
            let response = try await self.transport.send(transportRequest, timeout: self.configuration.requestTimeout)
            self.observer?.requestFinished(verb: request.verb, code: response.code, duration: ContinuousClock.now - started)
            return response
        } catch {
            self.observer?.requestFinished(verb: request.verb, code: 0, duration: ContinuousClock.now - started)
            throw KubeAPIError.transport(error)
        }
    }

    /// Opens a streaming request (a watch) and returns the response once its head arrived.
    func openStream(_ request: KubeRequest) async throws(KubeAPIError) -> KubeStreamResponse {
        let started = ContinuousClock.now
        let transportRequest = try self.transportRequest(request)
        let response: KubeStreamResponse
        do {
            try await self.limiter.acquire()
            response = try await self.transport.openStream(transportRequest)
        } catch {
            self.observer?.requestFinished(verb: request.verb, code: 0, duration: ContinuousClock.now - started)
            throw KubeAPIError.transport(error)
        }
        let code = response.code
        self.observer?.requestFinished(verb: request.verb, code: code, duration: ContinuousClock.now - started)
        if !(200..<300).contains(code) {
            let body = (try? await response.collectBody(limit: 1 << 20)) ?? []
            if code == 401 { self.tokens.invalidate() }
            throw KubeAPIError.response(code: code, body: body)
        }
        return response
    }

    private func transportRequest(_ request: KubeRequest) throws(KubeAPIError) -> KubeTransportRequest {
        var headers: [(name: String, value: String)] = [("Accept", request.accept), ("User-Agent", self.configuration.userAgent)]
        let token: String?
        do {
            token = try self.tokens.token()
        } catch {
            throw KubeAPIError(code: 0, reason: "Unauthorized", message: error.message)
        }
        if let token { headers.append(("Authorization", "Bearer " + token)) }
        if request.body != nil { headers.append(("Content-Type", request.contentType ?? "application/json")) }
        return KubeTransportRequest(method: request.method, path: request.path, query: request.query, headers: headers, body: request.body)
    }
}
