public import KubeJSON

/// A webhook's verdict, read from its `AdmissionReview` answer and checked as kube-apiserver checks it.
public struct AdmissionResponse: Sendable {
    /// `response.allowed`.
    public var allowed: Bool
    /// `response.status.code`, if given.
    public var statusCode: Int?
    /// `response.status.message`, empty if not given.
    public var statusMessage: String
    /// `response.status.reason`, empty if not given.
    public var statusReason: String
    /// The JSON patch to apply (`patchType: JSONPatch`), decoded.
    public var patch: JSONPatch?
    /// `response.warnings`.
    public var warnings: [String]

    /// Reads the answer to the review with `uid`.
    /// - Throws: ``AdmissionWebhookError`` when the body is not an `admission.k8s.io/v1` `AdmissionReview` with
    ///   a response for `uid`, when the patch is malformed, or when a validating webhook returns a patch.
    public init(body: [UInt8], uid: String, kind: AdmissionWebhookKind) throws(AdmissionWebhookError) {
        let review: JSONValue
        do {
            review = try JSONValue(parsing: body)
        } catch {
            throw AdmissionWebhookError("received invalid webhook response: \(error)")
        }
        let apiVersion = review["apiVersion"]?.stringValue ?? ""
        let reviewKind = review["kind"]?.stringValue ?? ""
        guard apiVersion == AdmissionReview.apiVersion, reviewKind == "AdmissionReview" else {
            throw AdmissionWebhookError(
                "expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got \(apiVersion), Kind=\(reviewKind)"
            )
        }
        guard let response = review["response"], response.objectValue != nil else {
            throw AdmissionWebhookError("webhook response was absent")
        }
        let responseUID = response["uid"]?.stringValue ?? ""
        guard responseUID == uid else {
            throw AdmissionWebhookError("expected response.uid=\(GoQuote.quote(uid)), got \(GoQuote.quote(responseUID))")
        }
        self.allowed = response["allowed"]?.boolValue ?? false
        self.statusCode = response["status"]?["code"]?.intValue
        self.statusMessage = response["status"]?["message"]?.stringValue ?? ""
        self.statusReason = response["status"]?["reason"]?.stringValue ?? ""
        self.warnings = response["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        self.patch = try Self.patch(of: response, kind: kind)
    }

    private static func patch(of response: JSONValue, kind: AdmissionWebhookKind) throws(AdmissionWebhookError) -> JSONPatch? {
        let patchText = response["patch"]?.stringValue ?? ""
        let patchType = response["patchType"]?.stringValue ?? ""
        if patchText.isEmpty && patchType.isEmpty { return nil }
        guard kind == .mutating else {
            throw AdmissionWebhookError("validating webhook may not return response.patch")
        }
        if patchType.isEmpty { throw AdmissionWebhookError("webhook returned response.patch but not response.patchType") }
        if patchText.isEmpty { throw AdmissionWebhookError("webhook returned response.patchType but not response.patch") }
        guard patchType == "JSONPatch" else {
            throw AdmissionWebhookError("unsupported patch type \(GoQuote.quote(patchType))")
        }
        guard let bytes = Base64.decode(patchText) else {
            throw AdmissionWebhookError("illegal base64 data in response.patch")
        }
        do {
            return try JSONPatch(try JSONValue(parsing: bytes))
        } catch {
            throw AdmissionWebhookError("failed to decode response.patch: \(error)")
        }
    }
}
