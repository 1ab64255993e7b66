/// How a ``KubeClient`` reaches its API server. ``HTTPSKubeTransport`` is the network; a process that serves
/// the API itself (`kruise local`) can hand requests to its server directly and skip TLS and HTTP framing.
///
/// A transport only moves bytes: credentials, rate limiting, retries and errors stay in ``KubeClient``.
public protocol KubeTransport: Sendable {
    /// Sends a complete request and returns the complete response, whatever its status.
    /// - Throws: when the server cannot be reached or does not answer within `timeout`.
    func send(_ request: KubeTransportRequest, timeout: Duration) async throws -> KubeResponse

    /// Sends a request whose response is a stream (a watch) and returns once the response head arrived.
    func openStream(_ request: KubeTransportRequest) async throws -> KubeStreamResponse

    /// Releases connections; open streams end.
    func shutdown() async
}
