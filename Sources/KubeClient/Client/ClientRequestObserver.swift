/// Receives one call per finished request (for the `rest_client_requests` metrics).
public protocol ClientRequestObserver: Sendable {
    /// - Parameters:
    ///   - verb: `GET`, `LIST`, `WATCH`, `POST`, `PUT`, `PATCH` or `DELETE`.
    ///   - code: the HTTP status code; 0 when no response arrived.
    ///   - duration: time from sending to the complete response (to the response head for watches).
    func requestFinished(verb: String, code: Int, duration: Duration)
}
