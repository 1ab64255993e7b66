/// Whether a webhook mutates (and may patch) or only validates.
public enum AdmissionWebhookKind: Sendable, Hashable {
    case mutating
    case validating
}
