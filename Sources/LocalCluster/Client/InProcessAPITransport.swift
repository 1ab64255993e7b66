public import KubeClient

/// How `kruise local`'s controllers, scheduler, kubelets and daemons reach the API server they share the
/// process with: each request is handed to ``APIServer/handle(_:)`` as the HTTPS listener would hand it, and
/// the answer comes back as bytes, so every byte of JSON, every status and every watch event is what a
/// network client gets. What is skipped is TLS, HTTP framing and the sockets, which were a fifth of the
/// process's CPU in a 1,000-pod rollout.
///
/// The bearer token is checked as on the network (the server checks the body's size itself). Request timeouts
/// do not apply: the server answers every request itself and bounds its own waits (admission webhooks have
/// theirs).
public struct InProcessAPITransport: KubeTransport {
    public let apiServer: APIServer
    public let token: BearerToken

    /// A transport to `apiServer`, requiring `token` as the HTTPS listener does.
    public init(apiServer: APIServer, token: BearerToken) {
        self.apiServer = apiServer
        self.token = token
    }

    public func send(_ request: KubeTransportRequest, timeout: Duration) async throws -> KubeResponse {
        let response = await self.answer(request)
        // Only watches stream, and the client opens those with openStream.
        guard let body = response.bodyBytes else { throw InProcessTransportError.unexpectedStream(request.path) }
        return KubeResponse(code: response.status, headers: response.headers, body: body)
    }

    public func openStream(_ request: KubeTransportRequest) async throws -> KubeStreamResponse {
        let response = await self.answer(request)
        switch response.body {
        case .stream(let chunks):
            return KubeStreamResponse(code: response.status) { consume in
                for try await chunk in chunks {
                    try chunk.withUnsafeBytes { try consume($0) }
                }
            }
        case .bytes(let bytes):
            return KubeStreamResponse(code: response.status) { consume in try bytes.withUnsafeBytes { try consume($0) } }
        case .parts(let parts):
            return KubeStreamResponse(code: response.status) { consume in
                for part in parts { try part.withUnsafeBytes { try consume($0) } }
            }
        }
    }

    public func shutdown() async {}

    private func answer(_ request: KubeTransportRequest) async -> APIResponse {
        let authorization = request.headers.first { $0.name == "Authorization" }?.value
        guard self.token.authorizes(authorizationHeader: authorization) else { return .status(.unauthorized()) }
        return await self.apiServer.handle(
            APIRequest(
                method: request.method,
                path: request.path,
                query: RequestQuery(parameters: request.query.map { RequestQuery.Parameter(name: $0.0, value: $0.1) }),
                headers: request.headers,
                body: request.body ?? []
            )
        )
    }
}

/// A request the in-process transport cannot carry.
public enum InProcessTransportError: Error, CustomStringConvertible {
    /// A streaming answer to a request sent as a complete one.
    case unexpectedStream(String)

    public var description: String {
        switch self {
        case .unexpectedStream(let path): "the answer to \(path) is a stream; open it as one"
        }
    }
}
