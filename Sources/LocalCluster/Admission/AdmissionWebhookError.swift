/// Why a webhook could not be called or its answer not used (kube's `ErrCallingWebhook` reason): the text
/// after `failed calling webhook "NAME": `. `failurePolicy` decides whether it rejects the request.
public struct AdmissionWebhookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, as kube words it where it has a wording (`failed to call webhook: Post "...": ...`).
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { self.message }
}
