/// Sends one AdmissionReview to a webhook and returns its answer; the HTTPS implementation is
/// ``HTTPSAdmissionWebhookTransport``, tests may substitute their own.
public protocol AdmissionWebhookTransport: Sendable {
    /// POSTs `body` (JSON) to `endpoint` and returns the HTTP status and the response body.
    /// - Throws: ``AdmissionWebhookError`` for connection, TLS and timeout failures, worded as kube words
    ///   them after `failed calling webhook "NAME": `.
    func post(_ body: [UInt8], to endpoint: AdmissionWebhookEndpoint) async throws(AdmissionWebhookError) -> (status: Int, body: [UInt8])
}
